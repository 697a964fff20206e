using MutualAid.Accounts;

namespace MutualAid.Silo.Accounts;

public sealed class InvitationGrain(
    [PersistentState("invitation")] IPersistentState<InvitationState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IInvitationGrain
{
    public async Task<Result<Invitation>> Create(Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        if (state.State.Invitation is not null) return Result<Invitation>.Refused(Reason.InvitationExists);
        var errors = invitation.Grant.Validate().ToList();
        if (invitation.Grant.Role == Role.NetworkAdmin) errors.Add(FieldError.Of("Role", Reason.AdminNotInvitedByLink));
        if (invitation.VolunteerId is not null && invitation.Grant.Role != Role.Volunteer) errors.Add(FieldError.Of("VolunteerId", Reason.OnlyVolunteerInvitationNamesVolunteer));
        // An invitation bound to an email no one can sign up with could never be used.
        if (invitation.Email is { } email && !IUserGrain.LooksLikeEmail(IUserGrain.Key(email))) errors.Add(FieldError.Of("Email", Reason.EnterValidEmail));
        if (invitation.ExpiresAt <= clock.GetUtcNow()) errors.Add(FieldError.Of("ExpiresAt", Reason.InvitationAlreadyExpired));
        if (invitation.ExpiresAt > clock.GetUtcNow().AddDays(30)) errors.Add(FieldError.Of("ExpiresAt", Reason.InvitationTooLong, 30));
        if (errors.Count > 0) return Result<Invitation>.Invalid(errors);
        state.State.Invitation = invitation with { Email = invitation.Email is null ? null : IUserGrain.Key(invitation.Email) };
        await state.WriteStateAsync();
        return Result<Invitation>.Ok(state.State.Invitation);
    }

    public Task<Invitation?> Peek() => Task.FromResult(state.State.Invitation);

    public async Task<Result<Invitation>> Revoke(Actor actor)
    {
        var invitation = state.State.Invitation;
        if (invitation is null || invitation.RevokedAt is not null) return Result<Invitation>.NotFound(Reason.InvitationNotValid);
        if (invitation.RedeemedAt is not null) return Result<Invitation>.Refused(Reason.InvitationUsed);
        state.State.Invitation = invitation with { RevokedAt = clock.GetUtcNow() };
        await state.WriteStateAsync();
        return Result<Invitation>.Ok(state.State.Invitation);
    }

    public async Task<Result<Invitation>> Redeem(string email)
    {
        var invitation = state.State.Invitation;
        if (invitation is null || invitation.RevokedAt is not null) return Result<Invitation>.NotFound(Reason.InvitationNotValid);
        if (invitation.RedeemedAt is not null) return Result<Invitation>.Refused(Reason.InvitationUsed);
        if (invitation.ExpiresAt <= clock.GetUtcNow()) return Result<Invitation>.Refused(Reason.InvitationExpired);
        var key = IUserGrain.Key(email);
        if (invitation.Email is not null && invitation.Email != key) return Result<Invitation>.Refused(Reason.InvitationForSomeoneElse);
        state.State.Invitation = invitation with { RedeemedAt = clock.GetUtcNow(), RedeemedBy = key };
        await state.WriteStateAsync();
        return Result<Invitation>.Ok(state.State.Invitation);
    }
}
