using Wharf.Protocol.Generated.Sts;
using Wharf.Server.Api;

namespace Wharf.Server.Sts;

/// <summary>
/// GetCallerIdentity: every key Wharf accepts acts for the whole of Wharf's one account, so the
/// caller is answered as that account's root user, as AWS answers for an account's root access
/// key (user id = account id, ARN <c>arn:aws:iam::&lt;account&gt;:root</c>). Stateless.
/// </summary>
internal sealed class GetCallerIdentityHandler(WharfServerOptions options)
    : IOperationHandler<GetCallerIdentityRequest, GetCallerIdentityResponse>
{
    public ValueTask<GetCallerIdentityResponse> HandleAsync(
        GetCallerIdentityRequest input, OperationContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new GetCallerIdentityResponse
        {
            Account = options.AccountId,
            Arn = $"arn:aws:iam::{options.AccountId}:root",
            UserId = options.AccountId,
        });
}
