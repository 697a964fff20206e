using MutualAid.ApiTokens;

namespace MutualAid.Silo.ApiTokens;

public sealed class HubApiTokensGrain([PersistentState("hubApiTokens")] IPersistentState<HubApiTokensState> state) : Grain, IHubApiTokensGrain
{
    private string Hub => this.GetPrimaryKeyString();

    public async Task<Result<ApiTokenView>> Issue(Guid id, NewApiToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Hub != Hub) return Result<ApiTokenView>.Refused(Reason.NotPossibleHere);
        if (state.State.Live.Count >= IHubApiTokensGrain.MaxLive) await SetAsideExpired();
        if (state.State.Live.Count >= IHubApiTokensGrain.MaxLive) return Result<ApiTokenView>.Refused(Reason.ApiTokenLimit, IHubApiTokensGrain.MaxLive);
        // The token is stored before the list: should the list's write fail, the token exists but
        // nobody was shown its secret, so it can never be used.
        var issued = await GrainFactory.GetGrain<IApiTokenGrain>(id).Issue(token);
        if (!issued.IsOk) return issued;
        state.State.Live.Add(id);
        await state.WriteStateAsync();
        return issued;
    }

    public async Task<Result<ApiTokenView>> Revoke(Guid id, Actor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        var live = state.State.Live.Contains(id);
        if (!live && !state.State.Revoked.Contains(id)) return Result<ApiTokenView>.NotFound(Reason.NoSuchApiToken);
        var revoked = await GrainFactory.GetGrain<IApiTokenGrain>(id).Revoke(by);
        if (!revoked.IsOk || !live) return revoked;
        Ended(id);
        await state.WriteStateAsync();
        return revoked;
    }

    /// <summary>
    /// Only at the cap, so issuing below it costs no calls: expired tokens give up their places to
    /// new ones and join the ended ones shown. Written with the token being issued, or not at all.
    /// </summary>
    private async Task SetAsideExpired()
    {
        var views = await Task.WhenAll(state.State.Live.Select(id => GrainFactory.GetGrain<IApiTokenGrain>(id).View()));
        foreach (var view in views.OfType<ApiTokenView>().Where(v => v.Expired).OrderBy(v => v.ExpiresAt)) Ended(view.Id);
    }

    private void Ended(Guid id)
    {
        state.State.Live.Remove(id);
        state.State.Revoked.Insert(0, id);
        if (state.State.Revoked.Count > IHubApiTokensGrain.MaxRevokedShown) state.State.Revoked.RemoveRange(IHubApiTokensGrain.MaxRevokedShown, state.State.Revoked.Count - IHubApiTokensGrain.MaxRevokedShown);
    }

    public async Task<IReadOnlyList<ApiTokenView>> List()
    {
        var views = await Task.WhenAll(state.State.Live.Concat(state.State.Revoked).Select(id => GrainFactory.GetGrain<IApiTokenGrain>(id).View()));
        return [.. views.OfType<ApiTokenView>().OrderBy(v => v.Ended).ThenByDescending(v => v.CreatedAt)];
    }
}
