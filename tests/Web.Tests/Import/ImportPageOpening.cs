using Microsoft.AspNetCore.Components.Forms;

namespace MutualAid.Web.Tests.Import;

/// <summary>The import page with a file chosen, as every import page test starts it.</summary>
internal static class ImportPageOpening
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>The page for <paramref name="hub"/> with <paramref name="csv"/> chosen, once it offers to check the rows.</summary>
    public static IRenderedComponent<ImportPage> Open(BunitContext context, string hub, string csv)
    {
        var page = context.Render<ImportPage>(p => p.Add(x => x.Slug, hub));
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "volunteers.csv"));
        page.WaitForAssertion(() => page.Find("[data-testid=import-check]"), Patience);
        return page;
    }
}
