
namespace MutualAid.Grains.Tests.Decisions;

/// <summary>Accounts holding roles, as the decision grains read them to tell members from everyone else.</summary>
public static class Members
{
    public static async Task<Actor> Account(IGrainFactory grains, string name, params RoleGrant[] roles)
    {
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        var created = await grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).Create(name, "not-a-real-hash", roles, Actor.System);
        Assert.True(created.IsOk, created.Message);
        return new Actor(email, name);
    }
}
