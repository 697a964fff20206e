using MutualAid.ApiTokens;
using MutualAid.Common;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Api;

/// <summary>A token just issued: the only time its secret exists outside the integration that holds it.</summary>
public sealed record IssuedApiToken(ApiTokenView Token, string Secret);

/// <summary>
/// A hub's API tokens as its coordinators manage them on the team page. Every call checks the caller
/// on the server; a refusal says the same whether the hub or token exists (Reason.NotPossibleHere).
/// Logs name tokens by id only, never their secret.
/// </summary>
public sealed partial class ApiTokenService(IGrainFactory grains, CurrentUser user, Access access, ILogger<ApiTokenService> logger)
{
    public Task<bool> MayManage(string hub) => access.Can(user.Principal, Ability.ManageApiTokens, hub);

    public Task<Result<IReadOnlyList<ApiTokenView>>> List(string hub) =>
        user.Read(Ability.ManageApiTokens, hub, Reason.NotPossibleHere, grains.GetGrain<IHubApiTokensGrain>(hub).List);

    /// <summary>Makes the secret here, hands the grains only its hash, and gives the secret back once.</summary>
    /// <param name="lifetimeDays">One of <see cref="NewApiToken.LifetimeChoices"/>; the grain refuses any other.</param>
    public async Task<Result<IssuedApiToken>> Issue(string hub, string? name, ApiTokenScope scope, int lifetimeDays)
    {
        if (!await MayManage(hub)) return Result<IssuedApiToken>.Refused(Reason.NotPossibleHere);
        var (id, secret, hash) = ApiTokenFormat.Create();
        var issued = await grains.GetGrain<IHubApiTokensGrain>(hub).Issue(id, new NewApiToken(hub, name ?? "", scope, user.Actor, hash, lifetimeDays));
        if (!issued.IsOk) return issued.As<IssuedApiToken>();
        LogIssued(logger, id, scope, hub, user.LogId);
        return Result<IssuedApiToken>.Ok(new IssuedApiToken(issued.Value!, secret));
    }

    public async Task<Result<ApiTokenView>> Revoke(string hub, Guid id)
    {
        if (!await MayManage(hub)) return Result<ApiTokenView>.Refused(Reason.NotPossibleHere);
        var revoked = await grains.GetGrain<IHubApiTokensGrain>(hub).Revoke(id, user.Actor);
        if (!revoked.IsOk) return Result<ApiTokenView>.Refused(Reason.NotPossibleHere);
        LogRevoked(logger, id, hub, user.LogId);
        return revoked;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API token {Id} ({Scope}) issued at {Hub} by {By}")]
    private static partial void LogIssued(ILogger logger, Guid id, ApiTokenScope scope, string hub, string by);

    [LoggerMessage(Level = LogLevel.Information, Message = "API token {Id} at {Hub} revoked by {By}")]
    private static partial void LogRevoked(ILogger logger, Guid id, string hub, string by);
}
