using MutualAid.Fund;
using MutualAid.Web.Fund;

namespace MutualAid.Web.Tests.Fund;

/// <summary>
/// An amount on the fund page is read the same way whatever the reader's language: "." or ","
/// before one or two digits of cents, and anything that could be read two ways is refused. A
/// Spanish page once recorded "12.34" as 1.234,00.
/// </summary>
public sealed class FundAmountTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("en", "12.34", "12.34")]
    [InlineData("en", "12,34", "12.34")]
    [InlineData("en", "1,5", "1.50")]
    [InlineData("en", "1.234,50", null)]
    [InlineData("en", "1,234.50", null)]
    [InlineData("en", "1.234", null)]
    [InlineData("es", "12.34", "12,34")]
    [InlineData("es", "12,34", "12,34")]
    [InlineData("es", "1,5", "1,50")]
    [InlineData("es", "1.234,50", null)]
    [InlineData("es", "1,234.50", null)]
    [InlineData("es", "1.234", null)]
    public async Task A_donation_is_recorded_as_typed_or_refused_when_it_could_be_read_two_ways(string culture, string typed, string? balance)
    {
        var hub = await Seed.Hub(app.Factory.Grains);
        await Localization.Localized.In(culture, async () =>
        {
            await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
            var page = context.Render<FundPage>(p => p.Add(x => x.Slug, hub));
            page.WaitForAssertion(() => page.Find("[data-testid=fund-record]"), Patience);

            await page.Change("[data-testid=fund-record-amount] input, input[data-testid=fund-record-amount]", typed);
            await page.Change("[data-testid=fund-record-note]", "Bake sale");
            await page.Click("[data-testid=fund-record]");

            page.WaitForAssertion(() => page.Find("[data-testid=fund-message]"), Patience);
            var entries = (await app.Factory.Grains.GetGrain<IHubFundGrain>(hub).GetLedger()).Entries;
            if (balance is null)
            {
                Assert.EndsWith(Localization.Localized.Words.Say(Reason.FundAmountShape.Say()), page.Find("[data-testid=fund-message]").TextContent.Trim(), StringComparison.Ordinal);
                Assert.Empty(entries);
            }
            else
            {
                Assert.Equal(decimal.Parse(balance.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture), Assert.Single(entries).Amount);
                page.WaitForAssertion(() => Assert.EndsWith(" " + balance, page.Find("[data-testid=fund-balance]").TextContent.Trim(), StringComparison.Ordinal), Patience);
            }
        });
    }

    /// <summary>A volunteer reads no ledger, and their form read "Amount ()".</summary>
    [Fact]
    public async Task A_volunteers_ask_names_the_funds_currency()
    {
        var hub = await Seed.Hub(app.Factory.Grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Volunteer, hub));
        var page = context.Render<FundPage>(p => p.Add(x => x.Slug, hub));

        page.WaitForAssertion(() => Assert.Contains("Amount (EUR)", page.Find("[data-testid=fund-ask]").Closest(".rz-card")!.TextContent, StringComparison.Ordinal), Patience);
    }
}
