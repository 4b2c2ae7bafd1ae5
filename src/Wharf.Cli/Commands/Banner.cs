using Wharf.Server;

namespace Wharf.Cli.Commands;

/// <summary>What <c>wharf up</c> and <c>wharf server</c> print at start: where to point the AWS CLI.</summary>
internal static class Banner
{
    public static void Print(WharfServerOptions options)
    {
        var (key, secret) = options.AccessKeys.First();
        Console.WriteLine($"""
            Wharf control plane on http://{options.BindAddress}:{options.Port}  (data: {options.DataDirectory})
              region:            {options.Region}
              account:           {options.AccountId}
              access key id:     {key}
              secret access key: {secret}
            Point the AWS CLI at it:
              export AWS_ACCESS_KEY_ID={key} AWS_SECRET_ACCESS_KEY={secret} AWS_DEFAULT_REGION={options.Region}
              aws --endpoint-url http://{(options.BindAddress == "0.0.0.0" ? "127.0.0.1" : options.BindAddress)}:{options.Port} ecs list-clusters
            """);
    }
}
