namespace MutualAid.EndToEnd;

public static partial class Journey
{
    /// <summary>
    /// Does <paramref name="act"/> again until the page shows <paramref name="answer"/>. What a person
    /// does while the page is still prerendered (before its circuit is up), or between an input being
    /// drawn and being wired to the circuit, is not heard; only the page's own answer says it was.
    /// </summary>
    public static async Task Until(ILocator answer, Func<Task> act, int attempts = 5, float wait = 10000)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(act);
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            await act();
            try
            {
                await answer.WaitForAsync(new() { Timeout = wait });
                return;
            }
            catch (TimeoutException)
            {
                // Not heard yet: again.
            }
        }

        await Expect(answer).ToBeVisibleAsync();
    }

    /// <summary>Chooses a sheet on the import page until its preview shows <paramref name="shows"/>.</summary>
    public static Task Upload(IPage page, string name, string text, string shows)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Until(
            page.GetByTestId("import-preview").Filter(new() { HasText = shows }),
            () => page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) }),
            wait: 5000);
    }
}
