namespace MutualAid.EndToEnd;

/// <summary>
/// The steps every from-nothing journey shares, as people take them in the browser: the first
/// administrator sets up, makes a hub and invites its coordinator; people join from their links.
/// </summary>
public static partial class Journey
{
    public const string Password = "a long enough password 1";

    [GeneratedRegex(@"https?://\S+/invite/[A-Za-z0-9_-]+")]
    private static partial Regex InviteLink();

    /// <summary>A network set up with one hub (see <see cref="SetUpHub"/>); answers its coordinator's page, signed in.</summary>
    public static async Task<IPage> HubCoordinator(EmptyNetworkApp network, IBrowser browser, string hub, string coordinatorEmail, string coordinatorName)
    {
        ArgumentNullException.ThrowIfNull(network);
        var coordinator = await network.NewPage(browser);
        await SetUpHub(network, browser, hub, coordinator, coordinatorEmail, coordinatorName);
        return coordinator;
    }

    /// <summary>
    /// Setup (unless an earlier journey on the same network did it), a region "East Side" and one hub,
    /// and its coordinator (who joins in <paramref name="coordinator"/>). Returns the administrator's page.
    /// </summary>
    public static async Task<IPage> SetUpHub(EmptyNetworkApp network, IBrowser browser, string hub, IPage coordinator, string coordinatorEmail, string coordinatorName, string adminTimeZone = "UTC")
    {
        ArgumentNullException.ThrowIfNull(network);
        var admin = await network.NewPage(browser, timeZone: adminTimeZone);
        await admin.GotoAsync("/account/login");
        if (admin.Url.Contains("/setup", StringComparison.Ordinal))
        {
            await admin.FillAsync("#email", "ada@example.org");
            await admin.FillAsync("#name", "Ada");
            await admin.FillAsync("#password", Password);
            await admin.ClickAsync("main button[type=submit]");
            await admin.WaitForURLAsync(url => url.Contains("/admin", StringComparison.Ordinal));
        }
        else
        {
            // The journeys of one class share its network: a later one finds it set up, and Ada signs in.
            await BrowserFixture.SignIn(admin, "ada@example.org", Password);
            await admin.GotoAsync("/admin");
        }

        // The new hub's zone is the administrator's browser's, once the page has asked it.
        await Expect(admin.GetByTestId("admin-hub-zone")).ToHaveValueAsync(adminTimeZone, new() { Timeout = 30000 });
        await admin.GetByTestId("admin-region").FillAsync("East Side");
        await admin.GetByTestId("admin-hub").FillAsync(hub);
        await admin.GetByTestId("admin-create-hub").ClickAsync();
        await Expect(admin.GetByTestId("admin-message")).ToContainTextAsync(hub.ToLowerInvariant(), new() { Timeout = 10000 });
        await Choose(admin, "admin-invite-hub", hub);
        await admin.GetByTestId("admin-invite").ClickAsync();
        await Expect(admin.GetByTestId("admin-message")).ToContainTextAsync("/invite/", new() { Timeout = 10000 });
        var link = InviteLink().Match(await admin.GetByTestId("admin-message").InnerTextAsync()).Value;
        await Join(coordinator, link, coordinatorEmail, coordinatorName);
        return admin;
    }

    /// <summary>
    /// Picks from a Radzen drop-down, and waits until the drop-down shows the pick, which it does only
    /// once the app has taken it. A click that lands while the page is still prerendered (before its
    /// circuit is up) opens nothing, a pick clicked while a busy machine is still drawing the list can
    /// be lost, and a list seen open can close again before the click lands; each way it opens the
    /// list and picks again.
    /// </summary>
    public static async Task Choose(IPage page, string testId, string option)
    {
        ArgumentNullException.ThrowIfNull(page);
        var dropDown = page.GetByTestId(testId);
        var item = page.Locator(".rz-dropdown-item:visible").Filter(new() { HasText = option }).First;
        for (var pick = 0; pick < 3; pick++)
        {
            for (var attempt = 0; attempt < 20 && !await item.IsVisibleAsync(); attempt++)
            {
                await dropDown.ClickAsync();
                try
                {
                    await item.WaitForAsync(new() { Timeout = 1000 });
                }
                catch (TimeoutException)
                {
                    // Not open yet: click again.
                }
            }

            try
            {
                await item.ClickAsync(new() { Timeout = 5000 });
            }
            catch (TimeoutException)
            {
                continue; // the list closed between being seen and the click (a re-render): open it again
            }

            if (await Shows(dropDown, option)) return;
        }

        await Expect(dropDown.Locator(".rz-dropdown-label")).ToContainTextAsync(option, new() { IgnoreCase = true });
    }

    private static async Task<bool> Shows(ILocator dropDown, string option)
    {
        var label = dropDown.Locator(".rz-dropdown-label");
        var until = DateTime.UtcNow.AddSeconds(5);
        do
        {
            if (await label.CountAsync() > 0 && (await label.InnerTextAsync()).Contains(option, StringComparison.OrdinalIgnoreCase)) return true;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < until);
        return false;
    }

    public static async Task Join(IPage page, string link, string email, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(link);
        await page.FillAsync("#email", email);
        await page.FillAsync("#name", name);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/invite/", StringComparison.Ordinal));
    }

    /// <summary>A coordinator's invitation link from the team page (open on <paramref name="coordinator"/>).</summary>
    public static async Task<string> TeamLink(IPage coordinator, string role, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        var code = coordinator.GetByTestId("invite-link");
        var previous = await code.CountAsync() > 0 ? await code.InnerTextAsync() : null;
        await Choose(coordinator, "invite-role", role);
        if (email is not null) await coordinator.GetByTestId("invite-email").FillAsync(email);
        await coordinator.GetByTestId("invite-create").ClickAsync();
        await Expect(code).ToContainTextAsync("/invite/", new() { Timeout = 10000 });
        if (previous is not null) await Expect(code).Not.ToHaveTextAsync(previous, new() { Timeout = 10000 });
        return await code.InnerTextAsync();
    }

    /// <summary>From the hub's team page: a dispatcher (dan@) and a volunteer (vic@, invited by email) join; answers their pages.</summary>
    public static async Task<(IPage Dispatcher, IPage Volunteer)> Team(EmptyNetworkApp network, IBrowser browser, IPage coordinator, string hub)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(coordinator);
        await coordinator.GotoAsync($"/hubs/{hub}/team");
        var dispatcherLink = await TeamLink(coordinator, "Dispatcher");
        var dispatcher = await network.NewPage(browser);
        await Join(dispatcher, dispatcherLink, "dan@example.org", "Dan");
        return (dispatcher, await Volunteer(network, browser, coordinator, "vic@example.org", "Vic Okafor"));
    }

    /// <summary>
    /// One more volunteer, invited by email from the team page open on <paramref name="coordinator"/>
    /// (see <see cref="Team"/>), joins; answers their page (their profile, where a new volunteer lands).
    /// </summary>
    public static async Task<IPage> Volunteer(EmptyNetworkApp network, IBrowser browser, IPage coordinator, string email, string name)
    {
        ArgumentNullException.ThrowIfNull(network);
        var link = await TeamLink(coordinator, "Volunteer", email);
        var volunteer = await network.NewPage(browser);
        await Join(volunteer, link, email, name);
        return volunteer;
    }

    /// <summary>
    /// A neighbour with no account asks on the public form and is given a reference.
    /// The area is typed, or a named <paramref name="place"/> of the hub chosen from a plain select (listed
    /// once the hub is in the address, as the form works without a script).
    /// Answers the reference the neighbour is given, for /status.
    /// </summary>
    public static async Task<string> Ask(EmptyNetworkApp network, IBrowser browser, string hub, string category, string need, (string Name, string Phone) person, string? area = null, string? place = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var neighbour = await network.NewPage(browser);
        await neighbour.GotoAsync(place is null ? "/ask" : $"/ask?hub={hub}");
        Assert.Equal(0, await neighbour.Locator("script").CountAsync());
        await neighbour.SelectOptionAsync("#hub", hub);
        await neighbour.SelectOptionAsync("#category", category);
        await neighbour.FillAsync("#need", need);
        if (area is not null) await neighbour.FillAsync("#area", area);
        if (place is not null) await neighbour.SelectOptionAsync("#place", place);
        await neighbour.FillAsync("#name", person.Name);
        await neighbour.FillAsync("#phone", person.Phone);
        await neighbour.ClickAsync("main button[type=submit]");
        await Expect(neighbour.Locator("main")).ToContainTextAsync("Your reference is", new() { Timeout = 10000 });
        return await neighbour.GetByTestId("reference").InnerTextAsync();
    }

    /// <summary>
    /// The /status form (open on <paramref name="page"/>) as a person fills it in, with no script on
    /// the page; answers the answer box.
    /// </summary>
    public static async Task<ILocator> Status(IPage page, string code, string digits)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = page.Locator("form[action^='/status?']");
        await form.Locator("#code").FillAsync(code);
        await form.Locator("#digits").FillAsync(digits);
        await form.Locator("button[type=submit]").ClickAsync();
        // The answer is a new page, whose form is empty again: this submission has been answered.
        await Expect(form.Locator("#code")).ToHaveValueAsync("", new() { Timeout = 10000 });
        var answer = page.GetByTestId("status-answer");
        await Expect(answer).ToBeVisibleAsync(new() { Timeout = 10000 });
        return answer;
    }
}
