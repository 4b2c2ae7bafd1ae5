using Wharf.Protocol.Generated.Sts;
using Wharf.Server.Api;

namespace Wharf.Server.Sts;

/// <summary>Registers STS's identity call, which SDKs and Terraform's AWS provider make before anything else.</summary>
internal static class StsApi
{
    public const string Service = "sts";

    public static void Register(AwsApiBuilder api) =>
        api.Add<GetCallerIdentityHandler, GetCallerIdentityRequest, GetCallerIdentityResponse>(Service, "GetCallerIdentity");
}
