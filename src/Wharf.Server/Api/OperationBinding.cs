using Microsoft.Extensions.DependencyInjection;

namespace Wharf.Server.Api;

/// <summary>How to run one operation: its input type and a call into its handler.</summary>
internal sealed record OperationBinding(
    string Service,
    string Operation,
    Type InputType,
    Type OutputType,
    Func<IServiceProvider, object, OperationContext, CancellationToken, ValueTask<object>> Invoke)
{
    public static OperationBinding For<THandler, TInput, TOutput>(string service, string operation)
        where THandler : class, IOperationHandler<TInput, TOutput>
        where TInput : class
        where TOutput : class =>
        new(service, operation, typeof(TInput), typeof(TOutput), async (services, input, context, ct) =>
            await services.GetRequiredService<THandler>().HandleAsync((TInput)input, context, ct));
}
