using MutualAid.ApiTokens;
using MutualAid.Offers;
using static MutualAid.Web.Tests.Api.ApiClient;

namespace MutualAid.Web.Tests.Api;

/// <summary>Page numbers at and past the edge of an int, on a hub started empty here.</summary>
public sealed class ApiPagingTests(TeamWorld world) : IClassFixture<TeamWorld>
{
    [Theory]
    [InlineData("requests")]
    [InlineData("volunteers")]
    [InlineData("offers")]
    public async Task The_last_possible_page_is_empty_not_every_item(string list)
    {
        var grains = world.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await Seed.Request(grains, hub);
        await Seed.Volunteer(grains, hub, "Pia");
        Assert.True((await grains.GetGrain<IOfferGrain>(Guid.NewGuid()).Create(new NewOffer(hub, OfferKind.Goods, RequestCategory.Food, "Rice", 20, "kg",
            new ContactDetails("Tom", "07700 900555", null, null), RequestSource.PhoneIntake, Seed.Sam))).IsOk);
        using var client = await HubToken.Client(world.Factory, hub, ApiTokenScope.Dispatch);
        // The board hears of the new item on its own; page 1 shows when it has.
        await Wait.Until(async () => (await Send(client, HttpMethod.Get, $"/api/v1/hubs/{hub}/{list}", header: false)).Body is { ValueKind: JsonValueKind.Object } b
            && b.GetProperty("total").GetInt32() == 1, list);

        var (status, page, _) = await Send(client, HttpMethod.Get, $"/api/v1/hubs/{hub}/{list}?page={int.MaxValue}&pageSize=200", header: false);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((0, int.MaxValue, 1), (page.GetProperty("items").GetArrayLength(), page.GetProperty("page").GetInt32(), page.GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task A_page_past_an_int_is_a_422_naming_page_not_malformed_json()
    {
        var hub = await Seed.Hub(world.Factory.Grains);
        using var client = await HubToken.Client(world.Factory, hub, ApiTokenScope.Dispatch);

        var (status, problem, _) = await Send(client, HttpMethod.Get, $"/api/v1/hubs/{hub}/requests?page=99999999999", header: false);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal((ApiProblems.Invalid, nameof(Reason.NotAValue)), (problem.GetProperty("type").GetString(), problem.GetProperty("reason").GetString()));
        Assert.Equal(nameof(Reason.NotAValue), problem.GetProperty("errors").GetProperty("page")[0].GetProperty("reason").GetString());
    }
}
