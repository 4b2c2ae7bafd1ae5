using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.AutoScaling;

/// <summary><c>aws application-autoscaling …</c> and the service reads the scaling tests share.</summary>
internal static class ScalingCli
{
    public const string Dimension = "ecs:service:DesiredCount";

    public static async Task<JsonNode> OkAsync(this AwsCli aws, params string[] args) =>
        (await aws.RunAsync(["application-autoscaling", .. args])).EnsureSuccess();

    public static Task<AwsResult> ScalingAsync(this AwsCli aws, params string[] args) => aws.RunAsync(["application-autoscaling", .. args]);

    public static async Task<int> DesiredCountAsync(this AwsCli aws, string service) =>
        (await aws.EcsOkAsync("describe-services", "--services", service))["services"]![0]!["desiredCount"]!.GetValue<int>();

    public static async Task<JsonArray> ActivitiesAsync(this AwsCli aws, string service) =>
        (await aws.OkAsync("describe-scaling-activities", "--service-namespace", "ecs", "--resource-id", $"service/default/{service}",
            "--scalable-dimension", Dimension))["ScalingActivities"]!.AsArray();

    public static string Describe(JsonArray activities) =>
        string.Join('\n', activities.Select(a => $"{a!["Description"]} | {a["Cause"]} | {a["StatusCode"]}"));
}
