namespace Wharf.Server.Api;

/// <summary>
/// Every operation the endpoint serves, keyed by service (its botocore signing name, e.g.
/// <c>ecs</c>, <c>elasticloadbalancing</c>) and operation name. Built once at start; read-only after.
/// </summary>
internal sealed class OperationTable
{
    private readonly Dictionary<(string Service, string Operation), OperationBinding> bindings = [];

    public void Add(OperationBinding binding)
    {
        if (!bindings.TryAdd((binding.Service, binding.Operation), binding))
        {
            throw new InvalidOperationException($"{binding.Service}:{binding.Operation} registered twice.");
        }
    }

    public bool TryGet(string service, string operation, out OperationBinding binding) =>
        bindings.TryGetValue((service, operation), out binding!);

    public int Count => bindings.Count;
}
