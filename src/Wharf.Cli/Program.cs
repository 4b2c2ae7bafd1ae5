using Wharf.Cli.Commands;

namespace Wharf.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var verb = args.Length == 0 ? "help" : args[0];
        try
        {
            var cli = new CommandLine(args.Skip(1));
            return verb switch
            {
                "up" => await UpCommand.RunAsync(cli),
                "server" => await ServerCommand.RunAsync(cli),
                "agent" => await AgentCommand.RunAsync(cli),
                "dns" => await DnsCommand.RunAsync(cli),
                "lb" => await LbCommand.RunAsync(cli),
                "version" or "--version" => Version(),
                "help" or "--help" or "-h" => Help(),
                _ => Unknown(verb),
            };
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"wharf: {ex.Message}");
            return 2;
        }
    }

    private static int Version()
    {
        Console.WriteLine($"wharf {typeof(Program).Assembly.GetName().Version}");
        return 0;
    }

    private static int Unknown(string verb)
    {
        Console.Error.WriteLine($"wharf: unknown verb '{verb}'. Run 'wharf help'.");
        return 2;
    }

    private static int Help()
    {
        Console.WriteLine("""
            wharf — a self-hosted orchestrator that speaks the Amazon ECS API

            usage: wharf <verb> [flags]

              up        control plane and an agent for this host, in one process
              server    the control plane only
              agent     an agent joining this host to a server
              dns       only the service discovery DNS server, over the data directory's store
              lb        only the load balancer data plane, over the data directory's store
              version   print the version

            flags (each also read from the environment variable shown):
              --port N                 API port (WHARF_PORT, default 4566)
              --bind ADDR              API address (WHARF_BIND, default 127.0.0.1)
              --data-dir DIR           state directory (WHARF_DATA_DIR, default ~/.wharf)
              --region R               region in ARNs (WHARF_REGION, default us-east-1)
              --account-id N           account in ARNs (WHARF_ACCOUNT_ID, default 000000000000)
              --access-key-id K        (WHARF_ACCESS_KEY_ID)     accepted SigV4 key pair
              --secret-access-key S    (WHARF_SECRET_ACCESS_KEY)
              --join-token T           agents' join token (WHARF_JOIN_TOKEN)
              --lb on|off              serve the load balancer's listeners in this process (WHARF_LB,
                                       default on; off when a separate `wharf lb` serves them)
              --fargate on|off         up: run a second agent as Wharf's FARGATE capacity on this host
                                       (WHARF_FARGATE, default on)
            agent flags:
              --server URL             server to join (WHARF_SERVER, default http://127.0.0.1:4566)
              --cluster NAME           cluster to join (WHARF_CLUSTER, default default)
              --availability-zone AZ   ecs.availability-zone (WHARF_AVAILABILITY_ZONE)
              --attribute NAME=VALUE   custom attribute, repeatable (WHARF_AGENT_ATTRIBUTES=a=b,c=d)
              --state-dir DIR          agent identity (default <data-dir>/agent)
              --capacity FARGATE       serve as Fargate capacity for every cluster instead of joining
                                       --cluster as a container instance (WHARF_AGENT_CAPACITY)
            DNS server (up and server read the variables; dns also takes the flags):
              --dns-port N             DNS port (WHARF_DNS_PORT, default 53; off: no DNS server)
              --dns-bind ADDRS         its addresses (WHARF_DNS_BIND, default 127.0.0.1, comma-separated)
              --container-address A    the DNS server task containers get (WHARF_DNS_CONTAINER_ADDRESS:
                                       auto = the Docker bridge gateway, off, or an IPv4 address)
            dns and lb flags:
              --data-dir DIR           the server's state directory, as above
              --poll-seconds N         how often the store is reread (WHARF_POLL_SECONDS, default 2)
              --listener-bind ADDR     lb: where listeners bind (WHARF_LB_BIND, default 0.0.0.0)
            """);
        return 0;
    }
}
