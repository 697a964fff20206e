namespace MutualAid.Web.Tests.Trust;

public sealed class AuthorizationMatrixTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    private static readonly string[] Roles = ["anonymous", "admin", "regional", "coordinator", "dispatcher", "volunteer", "other-coordinator", "safeguarding"];

    /// <summary>Page → the roles that may open it. Everyone else is sent to sign in (anonymous) or refused.</summary>
    private Dictionary<string, string[]> Pages => new()
    {
        ["/"] = ["admin", "regional", "coordinator", "dispatcher", "volunteer", "other-coordinator", "safeguarding"],
        [$"/hubs/{world.A}"] = ["admin", "regional", "coordinator", "dispatcher", "volunteer"],
        [$"/hubs/{world.A}/intake"] = ["coordinator", "dispatcher"],
        [$"/hubs/{world.A}/team"] = ["admin", "coordinator"],
        [$"/hubs/{world.A}/outbox"] = ["coordinator"],
        [$"/hubs/{world.A}/settings"] = ["coordinator"],
        [$"/hubs/{world.A}/hours"] = ["coordinator"],
        [$"/hubs/{world.A}/import"] = ["coordinator"],
        [$"/hubs/{world.A}/handover"] = ["coordinator", "dispatcher"],
        [$"/hubs/{world.A}/together"] = ["admin", "regional", "coordinator", "dispatcher", "volunteer"],
        [$"/hubs/{world.A}/export/volunteers.csv"] = ["coordinator"],
        [$"/hubs/{world.A}/export/timebank.csv"] = ["coordinator"],
        [$"/hubs/{world.A}/export/requests.csv"] = ["admin", "regional", "coordinator", "dispatcher", "volunteer"],
        [$"/hubs/{world.A}/people"] = ["coordinator"],
        [$"/hubs/{world.A}/people/export?phone=07700900123"] = ["coordinator"],
        [$"/hubs/{world.A}/people/volunteers/{world.VolunteerOfA}/export"] = ["coordinator"],
        [$"/regions/{world.R}"] = ["admin", "regional", "coordinator", "dispatcher"],
        [$"/regions/{world.S}"] = ["admin", "other-coordinator"],
        ["/admin"] = ["admin"],
        // Concerns are for the designated safeguarding people only: not the hub's coordinators, not an admin.
        [$"/hubs/{world.A}/concerns"] = ["safeguarding"],
        // Hub C has nobody in the safeguarding role: its coordinators read its concerns until someone does.
        [$"/hubs/{world.C}/concerns"] = ["other-coordinator"],
        [$"/hubs/{world.A}/concerns/raise"] = ["coordinator", "dispatcher", "volunteer", "safeguarding"],
        [$"/hubs/{world.A}/vetting"] = ["coordinator"],
        // The fund page takes asks from anyone who works the hub; the ledger and its export are the coordinators'.
        [$"/hubs/{world.A}/fund"] = ["coordinator", "dispatcher", "volunteer"],
        [$"/hubs/{world.A}/fund/ledger.csv"] = ["coordinator"],
        // Decisions are for the hub's members, whatever their role; a wide view is not membership.
        [$"/hubs/{world.A}/decisions"] = ["coordinator", "dispatcher", "volunteer", "safeguarding"],
    };

    public static TheoryData<string> AllRoles() => [.. Roles];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Every_page_allows_exactly_the_roles_it_should(string role)
    {
        using var client = await world.Client(role);
        foreach (var (path, allowed) in Pages)
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var location = response.Headers.Location?.ToString() ?? "";
            if (allowed.Contains(role))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} should open {path}, got {(int)response.StatusCode} {location}");
            }
            else if (role == "anonymous")
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/login", StringComparison.Ordinal),
                    $"anonymous on {path} should be sent to sign in, got {(int)response.StatusCode} {location}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/denied", StringComparison.Ordinal),
                    $"{role} must not open {path}, got {(int)response.StatusCode} {location}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Every_board_hub_method_checks_the_role_for_that_hub(string role)
    {
        var viewers = new[] { "admin", "regional", "coordinator", "dispatcher", "volunteer" };
        if (role == "anonymous")
        {
            await using var anonymous = world.Factory.BoardConnection();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => anonymous.StartAsync());
            return;
        }

        await using var connection = world.Factory.BoardConnection(await world.Client(role));
        await connection.StartAsync();
        foreach (var method in new[] { "JoinHub", "GetSnapshot" })
        {
            if (viewers.Contains(role))
            {
                var board = await connection.InvokeAsync<BoardSnapshot>(method, world.A);
                Assert.Equal(world.A, board.HubSlug);
            }
            else
            {
                var denied = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<BoardSnapshot>(method, world.A));
                // The answer for a hub that does not exist: a refusal must not tell them hub A is there.
                Assert.Contains($"There is no hub '{world.A}' you may view.", denied.Message);
            }
        }

        // Hub C (region S) is only for the admin and its own coordinator.
        if (role is "admin" or "other-coordinator") Assert.Equal(world.C, (await connection.InvokeAsync<BoardSnapshot>("JoinHub", world.C)).HubSlug);
        else await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<BoardSnapshot>("JoinHub", world.C));
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Every_command_checks_the_role_on_the_server(string role)
    {
        var dispatchers = new[] { "coordinator", "dispatcher" };
        var request = await Seed.Request(world.Factory.Grains, world.A, phone: "07700 9" + Random.Shared.Next(10000, 99999));
        var volunteer = await Seed.Volunteer(world.Factory.Grains, world.A, "Vic");
        using var scope = world.Factory.Services.CreateScope();
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        if (world.Users[role] is { } email)
        {
            var account = await world.Factory.Grains.GetGrain<MutualAid.Accounts.IUserGrain>(MutualAid.Accounts.IUserGrain.Key(email)).GetAccount();
            user.Set(AccountClaims.Principal(account!));
        }

        var dispatch = scope.ServiceProvider.GetRequiredService<DispatchService>();
        var intake = scope.ServiceProvider.GetRequiredService<IntakeService>();
        var commands = new Dictionary<string, Func<Task<Result<RequestView>>>>
        {
            ["assign"] = () => dispatch.Assign(world.A, request.Id, volunteer, request.Version),
            ["triage"] = () => dispatch.Triage(world.A, request.Id, request.Version),
            ["cancel"] = () => dispatch.Cancel(world.A, request.Id, request.Version, "test"),
            ["edit"] = () => dispatch.Edit(world.A, request.Id, new RequestChanges { Need = "Bread" }, request.Version),
            ["intake"] = () => intake.Create(new NewRequest(world.A, RequestCategory.Food, Urgency.Low, "Mill Lane", "Bread",
                new ContactDetails("Jo", "07700 900000", null, null), RequestSource.PhoneIntake, user.Actor)),
            ["repeat"] = () => intake.CreateSeries(new NewRequest(world.A, RequestCategory.Groceries, Urgency.Low, "Mill Lane", "Weekly shop",
                new ContactDetails("Jo", "07700 900001", null, null), RequestSource.PhoneIntake, user.Actor), RepeatEvery.Week),
        };
        foreach (var (name, run) in commands)
        {
            var result = await run();
            if (dispatchers.Contains(role))
            {
                Assert.True(result.Status is ResultStatus.Ok or ResultStatus.Conflict or ResultStatus.Refused && result.Reason is not (Reason.NotADispatcher or Reason.NotIntakeOfHub),
                    $"{role} {name}: {result.Status} {result.Message}");
            }
            else
            {
                Assert.Equal(ResultStatus.Refused, result.Status);
                Assert.True(result.Reason is Reason.NotADispatcher or Reason.NotIntakeOfHub, result.Message);
            }
        }

        var after = await world.Factory.Grains.GetGrain<IRequestGrain>(request.Id).GetView();
        Assert.Equal(dispatchers.Contains(role) ? RequestStatus.Assigned : RequestStatus.New, after!.Status);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Only_a_coordinator_of_the_hub_can_assign_past_a_volunteers_limits(string role)
    {
        var grains = world.Factory.Grains;
        var volunteer = await Seed.Volunteer(grains, world.A, "Full" + role);
        await grains.GetGrain<MutualAid.Volunteers.IVolunteerGrain>(volunteer).Reserve(Guid.NewGuid(), world.A, 40); // a full week promised
        var request = await Seed.Request(grains, world.A, phone: "07700 8" + Random.Shared.Next(10000, 99999));
        using var scope = world.Factory.Services.CreateScope();
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        if (world.Users[role] is { } email)
        {
            var account = await grains.GetGrain<MutualAid.Accounts.IUserGrain>(MutualAid.Accounts.IUserGrain.Key(email)).GetAccount();
            user.Set(AccountClaims.Principal(account!));
        }

        var dispatch = scope.ServiceProvider.GetRequiredService<DispatchService>();
        var result = await dispatch.AssignPastLimits(world.A, request.Id, volunteer, request.Version, "only driver with a wheelchair ramp");

        var after = await grains.GetGrain<IRequestGrain>(request.Id).GetView();
        if (role == "coordinator")
        {
            Assert.True(result.IsOk, result.Message);
            Assert.Equal(volunteer, after!.Assignment?.VolunteerId);
        }
        else
        {
            Assert.Equal(ResultStatus.Refused, result.Status);
            Assert.Equal(Reason.OverrideNeedsCoordinator, result.Reason);
            Assert.Null(after!.Assignment);
        }
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Only_the_regions_coordinator_and_the_receiving_hubs_dispatchers_take_an_escalated_request_in(string role)
    {
        var grains = world.Factory.Grains;
        async Task<RequestView> Escalated(string from)
        {
            var request = await Seed.Request(grains, from, phone: "07700 6" + Random.Shared.Next(10000, 99999));
            var escalated = await grains.GetGrain<IRequestGrain>(request.Id).Escalate(new EscalateCommand(request.Version, Seed.Sam, world.R, "no drivers tonight"));
            Assert.True(escalated.IsOk, escalated.Message);
            return escalated.Value!;
        }

        var actions = await world.As<RegionService>(role);
        foreach (var (from, into, allowed) in new[] { (world.A, world.B, new[] { "regional" }), (world.B, world.A, new[] { "regional", "coordinator", "dispatcher" }) })
        {
            var request = await Escalated(from);
            var result = await actions.TakeIntoHub(request.Id, into);
            var after = (await grains.GetGrain<IRequestGrain>(request.Id).GetView())!;
            if (allowed.Contains(role))
            {
                Assert.True(result.IsOk, $"{role} into {into}: {result.Message}");
                Assert.Equal(into, after.HubSlug);
                Assert.Equal(RequestStatus.Triaged, after.Status);
            }
            else
            {
                Assert.Equal(ResultStatus.Refused, result.Status);
                Assert.Equal(from, after.HubSlug);
                Assert.Equal(RequestStatus.Escalated, after.Status);
            }
        }

        // Hub C is in region S: even its own coordinator cannot pull region R's need onto it.
        var elsewhere = await Escalated(world.A);
        var refused = await actions.TakeIntoHub(elsewhere.Id, world.C);
        Assert.False(refused.IsOk);
        Assert.Equal(world.A, (await grains.GetGrain<IRequestGrain>(elsewhere.Id).GetView())!.HubSlug);
    }

    [Fact]
    public async Task A_regional_coordinator_who_took_a_request_in_still_sees_no_private_details_of_it()
    {
        var grains = world.Factory.Grains;
        var request = await Seed.Request(grains, world.A, phone: "07700 5" + Random.Shared.Next(10000, 99999));
        await grains.GetGrain<IRequestGrain>(request.Id).Escalate(new EscalateCommand(request.Version, Seed.Sam, world.R, "no drivers tonight"));
        var regional = await world.As<RegionService>("regional");

        var taken = await regional.TakeIntoHub(request.Id, world.B);

        Assert.True(taken.IsOk, taken.Message);
        Assert.IsType<RequestSummary>(taken.Value);
        Assert.Null(await (await world.As<RequestReader>("regional")).PrivateView(request.Id));
    }

    [Theory]
    [InlineData(MutualAid.Accounts.Role.RegionalCoordinator, "r", true)]
    [InlineData(MutualAid.Accounts.Role.RegionalCoordinator, "s", false)]
    [InlineData(MutualAid.Accounts.Role.Coordinator, "a", false)]
    [InlineData(MutualAid.Accounts.Role.Dispatcher, "a", false)]
    [InlineData(MutualAid.Accounts.Role.Volunteer, "a", false)]
    [InlineData(MutualAid.Accounts.Role.NetworkAdmin, null, false)]
    public void Only_the_regions_coordinators_raise_its_needs_to_the_network(MutualAid.Accounts.Role role, string? scope, bool allowed) =>
        Assert.Equal(allowed, AccessPolicy.Allows([new MutualAid.Accounts.RoleGrant(role, scope)], Ability.RaiseToNetwork, null, "r", ["r"]));

    [Fact]
    public void The_policy_table_itself()
    {
        var coordinatorA = new[] { new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, "a") };
        Assert.True(AccessPolicy.Allows(coordinatorA, Ability.SeePrivate, "a", "r"));
        Assert.False(AccessPolicy.Allows(coordinatorA, Ability.SeePrivate, "b", "r"));
        Assert.True(AccessPolicy.Allows(coordinatorA, Ability.ViewRegion, null, "r", ["r"]));
        Assert.False(AccessPolicy.Allows(coordinatorA, Ability.ViewRegion, null, "s", ["r"]));
        var admin = new[] { new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.NetworkAdmin, null) };
        Assert.True(AccessPolicy.Allows(admin, Ability.ViewBoard, "a", "r"));
        Assert.False(AccessPolicy.Allows(admin, Ability.SeePrivate, "a", "r")); // a wide view is not a reason to see addresses
        Assert.False(AccessPolicy.Allows([], Ability.ViewBoard, "a", "r"));
        Assert.True(AccessPolicy.Allows(coordinatorA, Ability.ManageTeam, "a", "r"));
        Assert.False(AccessPolicy.Allows(coordinatorA, Ability.ManageTeam, "b", "r"));
        Assert.True(AccessPolicy.Allows(admin, Ability.ManageTeam, "a", "r"));
        var dispatcherA = new[] { new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Dispatcher, "a") };
        Assert.False(AccessPolicy.Allows(dispatcherA, Ability.ManageTeam, "a", "r"));
        var regional = new[] { new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.RegionalCoordinator, "r") };
        Assert.False(AccessPolicy.Allows(regional, Ability.ManageTeam, "a", "r"));
        var regionalR = new[] { new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.RegionalCoordinator, "r") };
        Assert.True(AccessPolicy.Allows(regionalR, Ability.TakeIntoHub, "b", "r"));
        Assert.False(AccessPolicy.Allows(regionalR, Ability.TakeIntoHub, "c", "s"));
        Assert.False(AccessPolicy.Allows(regionalR, Ability.SeePrivate, "b", "r")); // taking a need in shows nobody's address
        Assert.True(AccessPolicy.Allows(coordinatorA, Ability.TakeIntoHub, "a", "r"));
        Assert.False(AccessPolicy.Allows(coordinatorA, Ability.TakeIntoHub, "b", "r"));
        Assert.False(AccessPolicy.Allows(admin, Ability.TakeIntoHub, "a", "r"));
        // Who was told what names requesters: only the hub's own coordinators see the outbox and resend.
        Assert.True(AccessPolicy.Allows(coordinatorA, Ability.SeeOutbox, "a", "r"));
        Assert.False(AccessPolicy.Allows(coordinatorA, Ability.SeeOutbox, "b", "r"));
        Assert.False(AccessPolicy.Allows(dispatcherA, Ability.SeeOutbox, "a", "r"));
        Assert.False(AccessPolicy.Allows(regionalR, Ability.SeeOutbox, "a", "r"));
        Assert.False(AccessPolicy.Allows(admin, Ability.SeeOutbox, "a", "r"));
        // Offers are run by the hub's own coordinators and dispatchers.
        Assert.True(AccessPolicy.Allows(coordinatorA, Ability.ManageOffers, "a", "r"));
        Assert.True(AccessPolicy.Allows(dispatcherA, Ability.ManageOffers, "a", "r"));
        Assert.False(AccessPolicy.Allows(coordinatorA, Ability.ManageOffers, "b", "r"));
        Assert.False(AccessPolicy.Allows(regionalR, Ability.ManageOffers, "a", "r"));
        Assert.False(AccessPolicy.Allows([new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Volunteer, "a")], Ability.ManageOffers, "a", "r"));
        Assert.False(AccessPolicy.Allows(admin, Ability.ManageOffers, "a", "r"));
    }

    [Theory]
    [InlineData(MutualAid.Accounts.Role.Coordinator, "a", true)]
    [InlineData(MutualAid.Accounts.Role.Coordinator, "b", false)]
    [InlineData(MutualAid.Accounts.Role.Dispatcher, "a", false)]
    [InlineData(MutualAid.Accounts.Role.Volunteer, "a", false)]
    [InlineData(MutualAid.Accounts.Role.RegionalCoordinator, "r", false)]
    [InlineData(MutualAid.Accounts.Role.NetworkAdmin, null, false)]
    public void Only_the_hubs_own_coordinators_issue_and_revoke_its_api_tokens(MutualAid.Accounts.Role role, string? scope, bool allowed) =>
        Assert.Equal(allowed, AccessPolicy.Allows([new MutualAid.Accounts.RoleGrant(role, scope)], Ability.ManageApiTokens, "a", "r"));

    [Theory]
    [InlineData(Ability.SendThanks, MutualAid.Accounts.Role.Coordinator, "a", true)]
    [InlineData(Ability.SendThanks, MutualAid.Accounts.Role.Dispatcher, "a", true)]
    [InlineData(Ability.SendThanks, MutualAid.Accounts.Role.Coordinator, "b", false)]
    [InlineData(Ability.SendThanks, MutualAid.Accounts.Role.Volunteer, "a", false)]
    [InlineData(Ability.SendThanks, MutualAid.Accounts.Role.RegionalCoordinator, "r", false)]
    [InlineData(Ability.SendThanks, MutualAid.Accounts.Role.NetworkAdmin, null, false)]
    [InlineData(Ability.KeepShift, MutualAid.Accounts.Role.Coordinator, "a", true)]
    [InlineData(Ability.KeepShift, MutualAid.Accounts.Role.Dispatcher, "a", true)]
    [InlineData(Ability.KeepShift, MutualAid.Accounts.Role.Dispatcher, "b", false)]
    [InlineData(Ability.KeepShift, MutualAid.Accounts.Role.Volunteer, "a", false)]
    [InlineData(Ability.KeepShift, MutualAid.Accounts.Role.NetworkAdmin, null, false)]
    [InlineData(Ability.SeeOrganiserShifts, MutualAid.Accounts.Role.Coordinator, "a", true)]
    [InlineData(Ability.SeeOrganiserShifts, MutualAid.Accounts.Role.Coordinator, "b", false)]
    [InlineData(Ability.SeeOrganiserShifts, MutualAid.Accounts.Role.Dispatcher, "a", false)]
    [InlineData(Ability.SeeOrganiserShifts, MutualAid.Accounts.Role.Volunteer, "a", false)]
    [InlineData(Ability.SeeOrganiserShifts, MutualAid.Accounts.Role.RegionalCoordinator, "r", false)]
    [InlineData(Ability.SeeOrganiserShifts, MutualAid.Accounts.Role.NetworkAdmin, null, false)]
    public void Thanks_and_shifts_belong_to_the_hubs_own_organisers(Ability ability, MutualAid.Accounts.Role role, string? scope, bool allowed) =>
        Assert.Equal(allowed, AccessPolicy.Allows([new MutualAid.Accounts.RoleGrant(role, scope)], ability, "a", "r"));

    [Theory]
    [InlineData(MutualAid.Accounts.Role.Safeguarding, "a", Ability.HandleConcerns, true)]
    [InlineData(MutualAid.Accounts.Role.Safeguarding, "b", Ability.HandleConcerns, false)]
    [InlineData(MutualAid.Accounts.Role.Coordinator, "a", Ability.HandleConcerns, false)]
    [InlineData(MutualAid.Accounts.Role.Dispatcher, "a", Ability.HandleConcerns, false)]
    [InlineData(MutualAid.Accounts.Role.Volunteer, "a", Ability.HandleConcerns, false)]
    [InlineData(MutualAid.Accounts.Role.RegionalCoordinator, "r", Ability.HandleConcerns, false)]
    [InlineData(MutualAid.Accounts.Role.NetworkAdmin, null, Ability.HandleConcerns, false)]
    [InlineData(MutualAid.Accounts.Role.Volunteer, "a", Ability.RaiseConcern, true)]
    [InlineData(MutualAid.Accounts.Role.Dispatcher, "a", Ability.RaiseConcern, true)]
    [InlineData(MutualAid.Accounts.Role.Coordinator, "a", Ability.RaiseConcern, true)]
    [InlineData(MutualAid.Accounts.Role.Safeguarding, "a", Ability.RaiseConcern, true)]
    [InlineData(MutualAid.Accounts.Role.Volunteer, "b", Ability.RaiseConcern, false)]
    [InlineData(MutualAid.Accounts.Role.RegionalCoordinator, "r", Ability.RaiseConcern, false)]
    [InlineData(MutualAid.Accounts.Role.NetworkAdmin, null, Ability.RaiseConcern, false)]
    [InlineData(MutualAid.Accounts.Role.Coordinator, "a", Ability.ManageVetting, true)]
    [InlineData(MutualAid.Accounts.Role.Coordinator, "b", Ability.ManageVetting, false)]
    [InlineData(MutualAid.Accounts.Role.Dispatcher, "a", Ability.ManageVetting, false)]
    [InlineData(MutualAid.Accounts.Role.Safeguarding, "a", Ability.ManageVetting, false)]
    [InlineData(MutualAid.Accounts.Role.NetworkAdmin, null, Ability.ManageVetting, false)]
    [InlineData(MutualAid.Accounts.Role.Safeguarding, "a", Ability.ViewBoard, false)]
    [InlineData(MutualAid.Accounts.Role.Safeguarding, "a", Ability.SeePrivate, false)]
    [InlineData(MutualAid.Accounts.Role.Safeguarding, "a", Ability.Dispatch, false)]
    public void Concerns_go_to_the_safeguarding_role_alone_and_checks_to_the_coordinators(MutualAid.Accounts.Role role, string? scope, Ability ability, bool allowed) =>
        Assert.Equal(allowed, AccessPolicy.Allows([new MutualAid.Accounts.RoleGrant(role, scope)], ability, "a", "r"));

    /// <summary>While hub "a" has nobody in the safeguarding role, its own coordinators (and only they) handle its concerns.</summary>
    [Theory]
    [InlineData(MutualAid.Accounts.Role.Coordinator, "a", Ability.HandleConcerns, true)]
    [InlineData(MutualAid.Accounts.Role.Coordinator, "b", Ability.HandleConcerns, false)]
    [InlineData(MutualAid.Accounts.Role.Safeguarding, "a", Ability.HandleConcerns, true)]
    [InlineData(MutualAid.Accounts.Role.Safeguarding, "b", Ability.HandleConcerns, false)]
    [InlineData(MutualAid.Accounts.Role.Dispatcher, "a", Ability.HandleConcerns, false)]
    [InlineData(MutualAid.Accounts.Role.Volunteer, "a", Ability.HandleConcerns, false)]
    [InlineData(MutualAid.Accounts.Role.RegionalCoordinator, "r", Ability.HandleConcerns, false)]
    [InlineData(MutualAid.Accounts.Role.NetworkAdmin, null, Ability.HandleConcerns, false)]
    // The fallback reaches concerns alone: nothing else a safeguarding person would not otherwise have.
    [InlineData(MutualAid.Accounts.Role.Dispatcher, "a", Ability.SeeOutbox, false)]
    [InlineData(MutualAid.Accounts.Role.Volunteer, "a", Ability.ManageVetting, false)]
    [InlineData(MutualAid.Accounts.Role.Coordinator, "a", Ability.RaiseConcern, true)]
    [InlineData(MutualAid.Accounts.Role.Volunteer, "a", Ability.RaiseConcern, true)]
    public void Concerns_go_to_the_hubs_coordinators_while_nobody_holds_the_safeguarding_role(MutualAid.Accounts.Role role, string? scope, Ability ability, bool allowed) =>
        Assert.Equal(allowed, AccessPolicy.Allows([new MutualAid.Accounts.RoleGrant(role, scope)], ability, "a", "r", hubHasSafeguarding: false));

    [Fact]
    public void Every_other_ability_reads_the_same_whether_or_not_the_hub_has_a_safeguarding_person()
    {
        foreach (var role in Enum.GetValues<MutualAid.Accounts.Role>())
        {
            foreach (var ability in Enum.GetValues<Ability>().Where(a => a != Ability.HandleConcerns))
            {
                MutualAid.Accounts.RoleGrant[] roles = [new(role, role == MutualAid.Accounts.Role.NetworkAdmin ? null : role == MutualAid.Accounts.Role.RegionalCoordinator ? "r" : "a")];
                Assert.True(AccessPolicy.Allows(roles, ability, "a", "r", ["r"]) == AccessPolicy.Allows(roles, ability, "a", "r", ["r"], hubHasSafeguarding: false), $"{role} {ability}");
            }
        }
    }

    [Theory]
    [InlineData(Ability.SeeTrends, MutualAid.Accounts.Role.Coordinator, "a", true)]
    [InlineData(Ability.SeeTrends, MutualAid.Accounts.Role.Coordinator, "b", false)]
    [InlineData(Ability.SeeTrends, MutualAid.Accounts.Role.Dispatcher, "a", true)]
    [InlineData(Ability.SeeTrends, MutualAid.Accounts.Role.Volunteer, "a", false)]
    [InlineData(Ability.SeeTrends, MutualAid.Accounts.Role.Safeguarding, "a", false)]
    [InlineData(Ability.SeeTrends, MutualAid.Accounts.Role.RegionalCoordinator, "r", true)]
    [InlineData(Ability.SeeTrends, MutualAid.Accounts.Role.RegionalCoordinator, "other", false)]
    [InlineData(Ability.SeeTrends, MutualAid.Accounts.Role.NetworkAdmin, null, false)]
    [InlineData(Ability.RunSurvey, MutualAid.Accounts.Role.Coordinator, "a", true)]
    [InlineData(Ability.RunSurvey, MutualAid.Accounts.Role.Coordinator, "b", false)]
    [InlineData(Ability.RunSurvey, MutualAid.Accounts.Role.Dispatcher, "a", false)]
    [InlineData(Ability.RunSurvey, MutualAid.Accounts.Role.Volunteer, "a", false)]
    [InlineData(Ability.RunSurvey, MutualAid.Accounts.Role.RegionalCoordinator, "r", false)]
    [InlineData(Ability.RunSurvey, MutualAid.Accounts.Role.NetworkAdmin, null, false)]
    public void Trends_are_for_the_planners_and_the_surveys_words_for_the_hubs_coordinators(Ability ability, MutualAid.Accounts.Role role, string? scope, bool allowed) =>
        Assert.Equal(allowed, AccessPolicy.Allows([new MutualAid.Accounts.RoleGrant(role, scope)], ability, "a", "r"));

    [Theory]
    [InlineData(MutualAid.Accounts.Role.RegionalCoordinator, "r", true)]
    [InlineData(MutualAid.Accounts.Role.RegionalCoordinator, "other", false)]
    [InlineData(MutualAid.Accounts.Role.Coordinator, "a", false)]
    [InlineData(MutualAid.Accounts.Role.Dispatcher, "a", false)]
    public void A_regions_trends_are_for_its_regional_coordinators(MutualAid.Accounts.Role role, string scope, bool allowed) =>
        Assert.Equal(allowed, AccessPolicy.Allows([new MutualAid.Accounts.RoleGrant(role, scope)], Ability.SeeTrends, null, "r", ["r"]));

    [Theory]
    [InlineData(Ability.ManageFund, MutualAid.Accounts.Role.Coordinator, "a", true)]
    [InlineData(Ability.ManageFund, MutualAid.Accounts.Role.Coordinator, "b", false)]
    [InlineData(Ability.ManageFund, MutualAid.Accounts.Role.Dispatcher, "a", false)]
    [InlineData(Ability.ManageFund, MutualAid.Accounts.Role.Volunteer, "a", false)]
    [InlineData(Ability.ManageFund, MutualAid.Accounts.Role.RegionalCoordinator, "r", false)]
    [InlineData(Ability.ManageFund, MutualAid.Accounts.Role.NetworkAdmin, null, false)]
    [InlineData(Ability.ApproveReimbursement, MutualAid.Accounts.Role.Coordinator, "a", true)]
    [InlineData(Ability.ApproveReimbursement, MutualAid.Accounts.Role.Coordinator, "b", false)]
    [InlineData(Ability.ApproveReimbursement, MutualAid.Accounts.Role.Dispatcher, "a", false)]
    [InlineData(Ability.ApproveReimbursement, MutualAid.Accounts.Role.Volunteer, "a", false)]
    [InlineData(Ability.ApproveReimbursement, MutualAid.Accounts.Role.NetworkAdmin, null, false)]
    [InlineData(Ability.AskReimbursement, MutualAid.Accounts.Role.Coordinator, "a", true)]
    [InlineData(Ability.AskReimbursement, MutualAid.Accounts.Role.Dispatcher, "a", true)]
    [InlineData(Ability.AskReimbursement, MutualAid.Accounts.Role.Volunteer, "a", true)]
    [InlineData(Ability.AskReimbursement, MutualAid.Accounts.Role.Volunteer, "b", false)]
    [InlineData(Ability.AskReimbursement, MutualAid.Accounts.Role.Safeguarding, "a", false)]
    [InlineData(Ability.AskReimbursement, MutualAid.Accounts.Role.RegionalCoordinator, "r", false)]
    [InlineData(Ability.AskReimbursement, MutualAid.Accounts.Role.NetworkAdmin, null, false)]
    [InlineData(Ability.TakePartInDecisions, MutualAid.Accounts.Role.Coordinator, "a", true)]
    [InlineData(Ability.TakePartInDecisions, MutualAid.Accounts.Role.Dispatcher, "a", true)]
    [InlineData(Ability.TakePartInDecisions, MutualAid.Accounts.Role.Volunteer, "a", true)]
    [InlineData(Ability.TakePartInDecisions, MutualAid.Accounts.Role.Safeguarding, "a", true)]
    [InlineData(Ability.TakePartInDecisions, MutualAid.Accounts.Role.Volunteer, "b", false)]
    [InlineData(Ability.TakePartInDecisions, MutualAid.Accounts.Role.RegionalCoordinator, "r", false)]
    [InlineData(Ability.TakePartInDecisions, MutualAid.Accounts.Role.NetworkAdmin, null, false)]
    [InlineData(Ability.RecordMinutes, MutualAid.Accounts.Role.Coordinator, "a", true)]
    [InlineData(Ability.RecordMinutes, MutualAid.Accounts.Role.Coordinator, "b", false)]
    [InlineData(Ability.RecordMinutes, MutualAid.Accounts.Role.Dispatcher, "a", false)]
    [InlineData(Ability.RecordMinutes, MutualAid.Accounts.Role.Volunteer, "a", false)]
    [InlineData(Ability.RecordMinutes, MutualAid.Accounts.Role.NetworkAdmin, null, false)]
    public void The_fund_is_the_coordinators_and_decisions_are_every_members(Ability ability, MutualAid.Accounts.Role role, string? scope, bool allowed) =>
        Assert.Equal(allowed, AccessPolicy.Allows([new MutualAid.Accounts.RoleGrant(role, scope)], ability, "a", "r"));
}
