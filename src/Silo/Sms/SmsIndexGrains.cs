using MutualAid.Requests;
using MutualAid.Sms;

namespace MutualAid.Silo.Sms;

/// <summary>A hub's SMS number: first come, first served, so two hubs never answer the same texts.</summary>
public sealed class SmsNumberGrain([PersistentState("smsNumber")] IPersistentState<IndexState<string>> state) : Grain, ISmsNumberGrain
{
    public async Task<bool> Claim(string hubSlug)
    {
        if (state.State.Target == hubSlug) return true;
        if (state.State.Target is not null) return false;
        state.State.Target = hubSlug;
        await state.WriteStateAsync();
        return true;
    }

    public async Task Release(string hubSlug)
    {
        if (state.State.Target != hubSlug) return;
        state.State.Target = null;
        await state.WriteStateAsync();
    }

    public Task<string?> Hub() => Task.FromResult(state.State.Target);
}

/// <summary>The last volunteer to give this phone wins: a phone passed on to someone else follows its new owner.</summary>
public sealed class PhoneVolunteerGrain([PersistentState("phoneVolunteer")] IPersistentState<IndexState<Guid?>> state) : Grain, IPhoneVolunteerGrain
{
    public async Task Point(Guid volunteerId)
    {
        if (state.State.Target == volunteerId) return;
        state.State.Target = volunteerId;
        await state.WriteStateAsync();
    }

    public async Task Forget(Guid volunteerId)
    {
        if (state.State.Target != volunteerId) return;
        state.State.Target = null;
        await state.WriteStateAsync();
    }

    public Task<Guid?> Volunteer() => Task.FromResult(state.State.Target);
}

public sealed class ReferenceCodeGrain([PersistentState("referenceCode")] IPersistentState<IndexState<Guid?>> state) : Grain, IReferenceCodeGrain
{
    public async Task Point(Guid requestId)
    {
        if (state.State.Target == requestId) return;
        state.State.Target = requestId;
        await state.WriteStateAsync();
    }

    public Task<Guid?> Request() => Task.FromResult(state.State.Target);
}

/// <summary>One key pointing at one thing.</summary>
[GenerateSerializer, Alias("MutualAid.Silo.IndexState`1")]
public sealed class IndexState<T>
{
    [Id(0)] public T? Target { get; set; }
}
