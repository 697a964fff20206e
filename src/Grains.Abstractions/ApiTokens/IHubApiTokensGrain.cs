namespace MutualAid.ApiTokens;

/// <summary>
/// The API tokens of one hub (key: the hub's slug): it issues and revokes them through their token
/// grains and lists them for the team page. It calls the token grains; they never call it.
/// </summary>
[Alias("MutualAid.IHubApiTokensGrain")]
public interface IHubApiTokensGrain : IGrainWithStringKey
{
    /// <summary>
    /// So a leaked list of tokens stays short and a runaway script cannot fill the store. Only tokens
    /// neither revoked nor expired count.
    /// </summary>
    public const int MaxLive = 50;

    /// <summary>Ended (revoked or expired) tokens the list remembers (newest kept), so the team page shows what was cut off.</summary>
    public const int MaxRevokedShown = 50;

    [Alias("Issue")] Task<Result<ApiTokenView>> Issue(Guid id, NewApiToken token);

    /// <summary>A token of another hub is not found here, whether or not it exists.</summary>
    [Alias("Revoke")] Task<Result<ApiTokenView>> Revoke(Guid id, Actor by);

    /// <summary>Live tokens first, newest first; then the revoked and expired ones remembered.</summary>
    [Alias("List")] Task<IReadOnlyList<ApiTokenView>> List();
}
