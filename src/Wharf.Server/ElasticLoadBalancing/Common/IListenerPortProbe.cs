namespace Wharf.Server.ElasticLoadBalancing.Common;

/// <summary>Tells whether a host port could be bound by a new listener (listeners of Wharf's balancers excluded).</summary>
internal interface IListenerPortProbe
{
    bool IsFree(int port);
}
