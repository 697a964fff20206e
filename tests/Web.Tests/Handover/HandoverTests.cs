namespace MutualAid.Web.Tests.Handover;

public sealed class HandoverTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    [Fact]
    public async Task The_handover_lists_what_changed_in_the_shift_who_is_out_and_who_is_off_and_downloads_for_dispatchers_only()
    {
        var grains = world.Factory.Grains;
        var hub = await Seed.Hub(grains, world.R);
        var start = DateTimeOffset.UtcNow.AddSeconds(-1);
        var priya = await Seed.Volunteer(grains, hub, "Priya");
        var olu = await Seed.Volunteer(grains, hub, "Olu");
        await grains.GetGrain<IVolunteerGrain>(olu).SetOnDuty(false, Seed.Sam);
        var done = await Seed.Request(grains, hub, phone: "07700 411001");
        var open = await Seed.Request(grains, hub, phone: "07700 411002");
        var doneGrain = grains.GetGrain<IRequestGrain>(done.Id);
        var assigned = (await doneGrain.Assign(new AssignCommand(done.Version, Seed.Sam, priya))).Value!;
        var started = (await doneGrain.Start(new RequestCommand(assigned.Version, Seed.Sam))).Value!;
        await doneGrain.Fulfil(new FulfilCommand(started.Version, Seed.Sam, 1));
        await grains.GetGrain<IRequestGrain>(open.Id).Assign(new AssignCommand(open.Version, Seed.Sam, priya));
        await Wait.Until(async () => (await grains.GetGrain<MutualAid.Hubs.IHubGrain>(hub).GetSnapshot())
            .Volunteers.Any(v => v.Id == priya && v.ActiveRequestIds.Contains(open.Id)), "the board shows Priya on the open job");

        var handover = await HandoverReport.Build(grains, hub, start, DateTimeOffset.UtcNow);

        // The fulfilled request has left the board but its whole shift is in the handover.
        Assert.Equal(["created this (phone intake)", "assigned this to Priya", "marked this picked up by Priya", "marked this delivered by Priya"],
            handover.Changes.Where(c => c.Reference == done.ReferenceCode).Select(c => c.What));
        Assert.Contains(handover.Changes, c => c.Reference == open.ReferenceCode && c.What == "assigned this to Priya");
        var (volunteer, jobs) = Assert.Single(handover.OutOnAJob);
        Assert.Equal("Priya", volunteer.Name);
        Assert.Equal([open.ReferenceCode], jobs);
        Assert.Equal(["Olu"], handover.OffDuty.Select(v => v.Name));
        Assert.DoesNotContain(handover.Changes, c => c.At < start);

        var text = Localization.Localized.In("en", () => handover.ToText(TimeZoneInfo.Utc, Localization.Localized.Words));
        Assert.Contains($"{done.ReferenceCode} Sam assigned this to Priya", text, StringComparison.Ordinal);
        Assert.Contains("Off duty (1): Olu", text, StringComparison.Ordinal);

        using var dispatcher = await world.Factory.SignedIn(await world.Factory.User(new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Dispatcher, hub)));
        Assert.Contains("Out on a job (1):", await dispatcher.GetStringAsync(new Uri($"/hubs/{hub}/handover.txt?hours=2", UriKind.Relative)), StringComparison.Ordinal);
        using var volunteerClient = await world.Client("volunteer");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await volunteerClient.GetAsync(new Uri($"/hubs/{hub}/handover.txt", UriKind.Relative))).StatusCode);
    }
    [Fact]
    public async Task A_request_moved_to_another_hub_shows_its_old_hub_the_move_but_nothing_the_new_hub_did_after()
    {
        var grains = world.Factory.Grains;
        var from = await Seed.Hub(grains);
        var to = await Seed.Hub(grains);
        var start = DateTimeOffset.UtcNow.AddSeconds(-1);
        var request = await Seed.Request(grains, from, phone: "07700 411003");
        var grain = grains.GetGrain<IRequestGrain>(request.Id);
        var moved = (await grain.TransferTo(new TransferCommand(request.Version, Seed.Sam, to, "Closer to Quay"))).Value!;
        var bea = new Actor("bea", "Bea");
        Assert.True((await grain.Cancel(new RequestCommand(moved.Version, bea, "Maria's son was admitted to hospital"))).IsOk);

        var left = await HandoverReport.Build(grains, from, start, DateTimeOffset.UtcNow);
        var mine = left.Changes.Where(c => c.Reference == request.ReferenceCode).ToArray();
        Assert.Equal(["created this (phone intake)", $"moved this from hub {from} to hub {to}"], mine.Select(c => c.What));
        Assert.DoesNotContain(mine, c => c.Who == "Bea" || (c.Why ?? "").Contains("hospital", StringComparison.Ordinal));

        // The hub it moved to sees its arrival and what its own people did since.
        var now = await HandoverReport.Build(grains, to, start, DateTimeOffset.UtcNow);
        Assert.Equal([$"moved this from hub {from} to hub {to}", "cancelled this"],
            now.Changes.Where(c => c.Reference == request.ReferenceCode).Select(c => c.What));
    }

    [Fact]
    public async Task A_spanish_readers_download_says_the_handover_in_spanish_as_their_page_does()
    {
        var grains = world.Factory.Grains;
        var hub = await Seed.Hub(grains, world.R);
        var priya = await Seed.Volunteer(grains, hub, "Priya");
        var request = await Seed.Request(grains, hub, phone: "07700 411004");
        await grains.GetGrain<IRequestGrain>(request.Id).Assign(new AssignCommand(request.Version, Seed.Sam, priya));
        // The app's own actors and tokens are stored with English names; the page says them again.
        var asked = await grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(new NewRequest(hub, RequestCategory.Food, Urgency.Normal, "Elm Street",
            "Food parcel", new ContactDetails("Ana", "07700 411006", null, null), RequestSource.PublicForm, MutualAid.Web.Accounts.AppActors.PublicForm));
        Assert.True(asked.IsOk, asked.Message);
        var bridge = new Actor($"token:{Guid.NewGuid()}", "Hotline bridge" + MutualAid.Web.Accounts.AppActors.TokenSuffix);
        Assert.True((await grains.GetGrain<IRequestGrain>(asked.Value!.Id).Triage(new TriageCommand(asked.Value.Version, bridge, Urgency.High))).IsOk);
        await Wait.Until(async () => (await grains.GetGrain<MutualAid.Hubs.IHubGrain>(hub).GetSnapshot())
            .Volunteers.Any(v => v.Id == priya && v.ActiveRequestIds.Contains(request.Id)), "the board shows Priya on the job");
        using var dispatcher = await world.Factory.SignedIn(await world.Factory.User(new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Dispatcher, hub)));
        dispatcher.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-ES");

        var text = await dispatcher.GetStringAsync(new Uri($"/hubs/{hub}/handover.txt?hours=2", UriKind.Relative));

        var assigned = Localization.Localized.In("es", () => Localization.Localized.Words.Say(Phrase.Of("DidAssign", "assigned this to {0}", "Priya")));
        // The hub by its name, not its key.
        Assert.Contains($"Relevo de turno de Hub {hub}:", text, StringComparison.Ordinal);
        Assert.Contains("Vencidas ahora (0):", text, StringComparison.Ordinal);
        Assert.Contains("En una tarea (1):", text, StringComparison.Ordinal);
        Assert.Contains($"{request.ReferenceCode} Sam {assigned}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Out on a job", text, StringComparison.Ordinal);
        Assert.Contains($"{asked.Value.ReferenceCode} Formulario público ", text, StringComparison.Ordinal);
        Assert.Contains($"{asked.Value.ReferenceCode} Hotline bridge (token de API) ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Public form", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(API token)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_on_another_hub_is_named_in_the_readers_language()
    {
        var grains = world.Factory.Grains;
        var (home, other) = (await Seed.Hub(grains, world.R), await Seed.Hub(grains, world.R));
        var priya = await Seed.Volunteer(grains, home, "Priya");
        var profile = (await grains.GetGrain<IVolunteerGrain>(priya).GetView())!.Profile;
        Assert.True((await grains.GetGrain<IVolunteerGrain>(priya).UpdateProfile(profile with { HubSlugs = [home, other] }, Seed.Sam)).IsOk);
        var request = await Seed.Request(grains, other, phone: "07700 411005");
        Assert.True((await grains.GetGrain<IRequestGrain>(request.Id).Assign(new AssignCommand(request.Version, Seed.Sam, priya))).IsOk);
        await Wait.Until(async () => (await grains.GetGrain<MutualAid.Hubs.IHubGrain>(home).GetSnapshot())
            .Volunteers.Any(v => v.Id == priya && v.ActiveRequestIds.Contains(request.Id)), "the home board shows Priya out on the other hub's job");

        var handover = await HandoverReport.Build(grains, home, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow);

        Assert.Contains("- Priya: otro centro", Localization.Localized.In("es", () => handover.ToText(TimeZoneInfo.Utc, Localization.Localized.Words)), StringComparison.Ordinal);
        Assert.Contains("- Priya: another hub", Localization.Localized.In("en", () => handover.ToText(TimeZoneInfo.Utc, Localization.Localized.Words)), StringComparison.Ordinal);
    }
}
