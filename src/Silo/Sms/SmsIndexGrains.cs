using MutualAid.Requests;
using MutualAid.Sms;

namespace MutualAid.Silo.Sms;

/// <summary>A hub's SMS number: first come, first served, so two hubs never answer the same texts.</summary>
public sealed class SmsNumberGrain([PersistentState("smsNumber")] IPersistentState<IndexState<string>> state) : PointerGrain<string>(state), ISmsNumberGrain
{
    public async Task<bool> Claim(string hubSlug)
    {
        if (Target is not null) return Target == hubSlug;
        await Move(hubSlug);
        return true;
    }

    public Task Release(string hubSlug) => Clear(hubSlug);

    public Task<string?> Hub() => Task.FromResult(Target);
}

/// <summary>The last volunteer to give this phone wins: a phone passed on to someone else follows its new owner.</summary>
public sealed class PhoneVolunteerGrain([PersistentState("phoneVolunteer")] IPersistentState<IndexState<Guid?>> state) : PointerGrain<Guid?>(state), IPhoneVolunteerGrain
{
    public Task Point(Guid volunteerId) => Move(volunteerId);

    public Task Forget(Guid volunteerId) => Clear(volunteerId);

    public Task<Guid?> Volunteer() => Task.FromResult(Target);
}

public sealed class ReferenceCodeGrain([PersistentState("referenceCode")] IPersistentState<IndexState<Guid?>> state) : PointerGrain<Guid?>(state), IReferenceCodeGrain
{
    public Task Point(Guid requestId) => Move(requestId);

    public Task<Guid?> Request() => Task.FromResult(Target);
}

/// <summary>One key pointing at one thing, written only when the pointer moves.</summary>
public abstract class PointerGrain<T>(IPersistentState<IndexState<T>> state) : Grain
{
    protected T? Target => state.State.Target;

    protected async Task Move(T? target)
    {
        if (EqualityComparer<T?>.Default.Equals(state.State.Target, target)) return;
        state.State.Target = target;
        await state.WriteStateAsync();
    }

    /// <summary>Lets go only of what it still points at: a later owner's claim stands.</summary>
    protected Task Clear(T expected) => EqualityComparer<T?>.Default.Equals(state.State.Target, expected) ? Move(default) : Task.CompletedTask;
}

/// <summary>One key pointing at one thing.</summary>
[GenerateSerializer, Alias("MutualAid.Silo.IndexState`1")]
public sealed class IndexState<T>
{
    [Id(0)] public T? Target { get; set; }
}
