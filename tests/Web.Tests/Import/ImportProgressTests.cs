namespace MutualAid.Web.Tests.Import;

/// <summary>The import's progress counts rows; it once showed "1900%" for 1900 rows of 2000.</summary>
public sealed class ImportProgressTests
{
    [Theory]
    [InlineData("en", "1,900 / 2,000 rows")]
    [InlineData("es", "1.900 / 2.000 filas")]
    public async Task Progress_reads_as_rows_done_of_all_rows_not_as_percent(string culture, string expected)
    {
        await Localization.Localized.In(culture, async () =>
        {
            await using var context = new BunitContext();
            context.JSInterop.Mode = JSRuntimeMode.Loose;
            context.Services.AddSingleton(Localization.Localized.Words);

            var bar = context.Render<ImportProgress>(p => p.Add(x => x.Done, 1900).Add(x => x.Total, 2000));

            Assert.Equal(expected, bar.Find("[data-testid=import-progress]").TextContent.Trim());
        });
    }
}
