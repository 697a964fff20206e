namespace MutualAid.EndToEnd;

/// <summary>A call a coordinator takes at /hubs/{hub}/intake; only what a test cares about is set.</summary>
public sealed record PhoneCall(string Name, string Area, string Need)
{
    public string Hub { get; init; } = "north";

    public string Phone { get; init; } = "07700 9" + Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);

    /// <summary>The urgency's English word as the dropdown shows it; null keeps the form's default (Normal).</summary>
    public string? Urgency { get; init; }

    public string? Latitude { get; init; }

    public string? Longitude { get; init; }
}

public static class PhoneIntake
{
    /// <summary>Fills and saves the phone intake form as a person would; returns the reference the caller is given.</summary>
    public static async Task<string> Enter(IPage page, PhoneCall call)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(call);
        await page.GotoAsync($"/hubs/{call.Hub}/intake");
        await page.GetByTestId("intake-name").FillAsync(call.Name, new() { Timeout = 30000 });
        await page.GetByTestId("intake-phone").FillAsync(call.Phone);
        await page.GetByTestId("intake-area").FillAsync(call.Area);
        if (call.Latitude is not null) await page.GetByTestId("intake-latitude").Locator("input").FillAsync(call.Latitude);
        if (call.Longitude is not null) await page.GetByTestId("intake-longitude").Locator("input").FillAsync(call.Longitude);
        await page.GetByTestId("intake-need").FillAsync(call.Need);
        if (call.Urgency is not null)
        {
            await page.GetByTestId("intake-urgency").SelectOptionAsync(new SelectOptionValue { Label = call.Urgency });
        }

        await page.GetByTestId("intake-save").ClickAsync();
        await Expect(page.GetByTestId("intake-saved")).ToBeVisibleAsync(new() { Timeout = 10000 });
        return await page.GetByTestId("reference-code").InnerTextAsync();
    }
}
