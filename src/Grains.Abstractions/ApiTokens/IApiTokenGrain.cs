namespace MutualAid.ApiTokens;

/// <summary>
/// One API token, keyed by its id (the part of the token before the secret). Only the hub's token
/// list issues and revokes it; the web tier asks it to verify on every API request, which it answers
/// from memory. The only grains it calls are its hub's (for its name and time zone) and its hub's
/// outbox, to warn the coordinators before it ends; neither calls a token grain, so no call comes back.
/// </summary>
[Alias("MutualAid.IApiTokenGrain")]
public interface IApiTokenGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Stores the token once, to expire its lifetime after now by this grain's clock; an id already
    /// used is refused, never overwritten. A lifetime is never extended: a new token is issued instead.
    /// </summary>
    [Alias("Issue")] Task<Result<ApiTokenView>> Issue(NewApiToken token);

    /// <summary>
    /// The grant when <paramref name="secretHash"/> matches and the token is live, else null: an unknown
    /// id, a wrong secret, a revoked and an expired token all answer the same.
    /// </summary>
    [Alias("Verify")] Task<ApiTokenGrant?> Verify(byte[] secretHash);

    /// <summary>Takes effect at once: the next <see cref="Verify"/> answers null. Revoking twice changes nothing.</summary>
    [Alias("Revoke")] Task<Result<ApiTokenView>> Revoke(Actor by);

    [Alias("View"), ReadOnly] Task<ApiTokenView?> View();

    /// <summary>
    /// Once the token is in its warning window (<see cref="ApiTokenWarning"/>), tells the hub's
    /// coordinators through the hub's outbox when it ends and where to issue the next one, once per
    /// token: the decision is stored with the message. Nothing for a revoked, expired or never-expiring
    /// token. Driven by a durable reminder; idempotent, so it is safe to call at any time.
    /// </summary>
    [Alias("CheckEnding")] Task CheckEnding();
}
