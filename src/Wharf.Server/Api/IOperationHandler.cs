namespace Wharf.Server.Api;

/// <summary>
/// One AWS operation. Handlers are singletons: they keep no per-request state. Input arrives
/// decoded and checked against the model's required members; a handler reports a client error
/// by throwing <c>AwsServiceException</c> (the error shape and status are the model's).
/// </summary>
internal interface IOperationHandler<in TInput, TOutput>
    where TInput : class
    where TOutput : class
{
    ValueTask<TOutput> HandleAsync(TInput input, OperationContext context, CancellationToken cancellationToken);
}
