namespace MutualAid.Grains.Tests.Requests;

[Collection(ClusterCollection.Name)]
public sealed class RequestLifecycleTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    /// <summary>The lifecycle as the design states it, written out independently of the grain's own table.</summary>
    private static readonly Dictionary<string, (RequestStatus[] From, RequestStatus To)> Expected = new()
    {
        ["triage"] = ([RequestStatus.New, RequestStatus.Triaged, RequestStatus.Reopened], RequestStatus.Triaged),
        ["assign"] = ([RequestStatus.New, RequestStatus.Triaged, RequestStatus.Reopened, RequestStatus.Assigned, RequestStatus.InProgress], RequestStatus.Assigned),
        ["unassign"] = ([RequestStatus.Assigned, RequestStatus.InProgress], RequestStatus.Triaged),
        ["accept"] = ([RequestStatus.Assigned], RequestStatus.Assigned),
        ["decline"] = ([RequestStatus.Assigned], RequestStatus.Triaged),
        ["start"] = ([RequestStatus.Assigned], RequestStatus.InProgress),
        ["fulfil"] = ([RequestStatus.InProgress], RequestStatus.Fulfilled),
        ["cancel"] = ([RequestStatus.New, RequestStatus.Triaged, RequestStatus.Assigned, RequestStatus.InProgress, RequestStatus.Reopened], RequestStatus.Cancelled),
        ["escalate"] = ([RequestStatus.New, RequestStatus.Triaged, RequestStatus.Reopened], RequestStatus.Escalated),
        ["reopen"] = ([RequestStatus.Fulfilled, RequestStatus.Cancelled, RequestStatus.Escalated], RequestStatus.Reopened),
    };

    public static TheoryData<string, RequestStatus> EveryCommandFromEveryStatus()
    {
        var data = new TheoryData<string, RequestStatus>();
        foreach (var command in Expected.Keys)
        {
            foreach (var status in Enum.GetValues<RequestStatus>()) data.Add(command, status);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCommandFromEveryStatus))]
    public async Task Every_transition_is_applied_when_legal_and_refused_with_a_reason_when_not(string command, RequestStatus from)
    {
        var hub = await domain.NewHub(region: "lifecycle");
        var request = await BringTo(hub, from);
        Assert.Equal(from, request.Status);
        var auditBefore = (await domain.RequestGrain(request.Id).GetAudit()).Count;

        var result = await Run(command, hub, request);

        var (legalFrom, to) = Expected[command];
        var after = (await domain.RequestGrain(request.Id).GetView())!;
        var audit = await domain.RequestGrain(request.Id).GetAudit();
        if (legalFrom.Contains(from))
        {
            Assert.True(result.IsOk, $"{command} from {from} should be allowed: {result.Message}");
            Assert.Equal(to, after.Status);
            Assert.Equal(request.Version + 1, after.Version);
            Assert.Equal(auditBefore + 1, audit.Count);
            Assert.Equal(after.Version, audit[^1].Version);
            Assert.Equal(Domain.Ana, audit[^1].Actor);
        }
        else
        {
            Assert.Equal(ResultStatus.Refused, result.Status);
            Assert.Contains(result.Reason, new[] { Reason.NotNow, Reason.ReopenFirst, Reason.UnassignFirst, Reason.StartFirst });
            Assert.Equal(from, Assert.IsType<RequestStatus>(result.Said!.Args[1])); // the reader is told the status it is in
            Assert.Equal(request.Status, after.Status);
            Assert.Equal(request.Version, after.Version);
            Assert.Equal(auditBefore, audit.Count);
        }
    }

    [Fact]
    public async Task The_happy_path_leaves_a_complete_audit_trail()
    {
        var (hub, volunteer, request, grain) = await domain.HubWithRequest("Priya");

        var v = (await grain.Triage(new TriageCommand(1, Domain.Sam, Urgency.High, Reason: "diabetic, no food since yesterday"))).Value!;
        v = (await grain.Assign(new AssignCommand(v.Version, Domain.Ana, volunteer.Id))).Value!;
        v = (await grain.Accept(new RequestCommand(v.Version, new Actor("priya", "Priya")))).Value!;
        v = (await grain.Start(new RequestCommand(v.Version, new Actor("priya", "Priya")))).Value!;
        v = (await grain.Fulfil(new FulfilCommand(v.Version, new Actor("priya", "Priya"), 1.5))).Value!;

        Assert.Equal(RequestStatus.Fulfilled, v.Status);
        Assert.Equal(AssignmentState.Completed, v.Assignment!.State);
        var audit = await grain.GetAudit();
        Assert.Equal([1, 2, 3, 4, 5, 6], audit.Select(a => a.Version));
        Assert.Equal(
            ["created this (phone intake)", "triaged this (urgency Normal → High)", "assigned this to Priya",
             "accepted this", "marked this picked up", "marked this delivered"], // Priya did these herself
            audit.Select(a => a.Action));
        Assert.Equal(["sam", "sam", "ana", "priya", "priya", "priya"], audit.Select(a => a.Actor.UserId));
        Assert.Equal("diabetic, no food since yesterday", audit[1].Reason);
        Assert.True(audit.Zip(audit.Skip(1)).All(p => p.First.At <= p.Second.At));

        var banked = (await fixture.Grains.GetGrain<MutualAid.Volunteers.IVolunteerGrain>(volunteer.Id).GetView())!;
        Assert.Empty(banked.Reservations);
        Assert.Equal(1.5, banked.HoursTotal);
    }

    [Fact]
    public async Task A_stale_command_gets_a_conflict_naming_who_changed_what_and_when()
    {
        var (hub, priya, omar, request, grain) = await domain.HubWithRequest("Priya", "Omar");

        var first = await grain.Assign(new AssignCommand(request.Version, Domain.Sam, priya.Id));
        var second = await grain.Assign(new AssignCommand(request.Version, Domain.Ana, omar.Id));

        Assert.True(first.IsOk);
        Assert.Equal(ResultStatus.Conflict, second.Status);
        var conflict = second.Conflict!;
        Assert.Equal(Domain.Sam, conflict.ChangedBy);
        Assert.Equal("assigned this to Priya", conflict.Change);
        Assert.Equal(request.Version, conflict.ExpectedVersion);
        Assert.Equal(first.Value!.Version, conflict.CurrentVersion);
        // The change also travels as a phrase, so the web tier can word it in the reader's language.
        Assert.Equal(("DidAssign", "assigned this to Priya"), (conflict.Said!.Key, conflict.Said.ToString()));
        // The loser changed nothing: Omar holds no capacity and the request is still Priya's.
        Assert.Empty((await fixture.Grains.GetGrain<MutualAid.Volunteers.IVolunteerGrain>(omar.Id).GetView())!.Reservations);
        Assert.Equal(priya.Id, (await grain.GetView())!.Assignment!.VolunteerId);
    }

    [Fact]
    public async Task Reassigning_moves_the_capacity_and_keeps_the_history()
    {
        var (hub, priya, omar, request, grain) = await domain.HubWithRequest("Priya", "Omar");

        var v = (await grain.Assign(new AssignCommand(1, Domain.Sam, priya.Id))).Value!;
        v = (await grain.Assign(new AssignCommand(v.Version, Domain.Sam, omar.Id, Reason: "Priya's car broke down"))).Value!;

        Assert.Equal(omar.Id, v.Assignment!.VolunteerId);
        Assert.Equal(priya.Id, Assert.Single(v.PastAssignments).VolunteerId);
        Assert.Empty((await fixture.Grains.GetGrain<MutualAid.Volunteers.IVolunteerGrain>(priya.Id).GetView())!.Reservations);
        Assert.Single((await fixture.Grains.GetGrain<MutualAid.Volunteers.IVolunteerGrain>(omar.Id).GetView())!.Reservations);
        Assert.Equal("reassigned this from Priya to Omar", (await grain.GetAudit())[^1].Action);
    }

    [Fact]
    public async Task A_refused_reservation_leaves_the_request_untouched()
    {
        var hub = await domain.NewHub();
        var busy = await domain.NewVolunteer(hub, "Busy", maxAssignments: 1);
        var first = await domain.NewRequest(hub);
        var second = await domain.NewRequest(hub);
        Assert.True((await domain.RequestGrain(first.Id).Assign(new AssignCommand(1, Domain.Sam, busy.Id))).IsOk);

        var refused = await domain.RequestGrain(second.Id).Assign(new AssignCommand(1, Domain.Sam, busy.Id));

        Assert.Equal(ResultStatus.Refused, refused.Status);
        Assert.Equal("Busy already has 1 of 1 assignments. A coordinator can override this with a reason.", refused.Message);
        var after = (await domain.RequestGrain(second.Id).GetView())!;
        Assert.Equal(RequestStatus.New, after.Status);
        Assert.Equal(1, after.Version);
        Assert.Null(after.Assignment);
    }

    [Fact]
    public async Task Creation_validates_every_field_with_clear_messages()
    {
        var hub = await domain.NewHub();
        var bad = Domain.Request(hub) with
        {
            Area = " ",
            Need = new string('x', NewRequest.MaxNeedLength + 1),
            Contact = new ContactDetails("", null, null, null),
        };

        var result = await domain.RequestGrain(Guid.NewGuid()).Create(bad);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(["Area", "Need", "Contact.Name", "Contact"], result.Errors.Select(e => e.Field));
        Assert.Contains("2000", result.Errors[1].Message);
    }

    [Fact]
    public async Task A_request_for_an_unknown_hub_is_refused()
    {
        var result = await domain.RequestGrain(Guid.NewGuid()).Create(Domain.Request("no-such-hub"));
        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal((MutualAid.Common.Reason.NoSuchHub, "There is no hub 'no-such-hub'."), (result.Errors.Single().Reason, result.Errors.Single().Message));
    }

    [Fact]
    public async Task Commands_on_a_request_that_does_not_exist_say_so()
    {
        var result = await domain.RequestGrain(Guid.NewGuid()).Triage(new TriageCommand(1, Domain.Sam));
        Assert.Equal(ResultStatus.NotFound, result.Status);
    }

    private async Task<RequestView> BringTo(string hub, RequestStatus status)
    {
        var request = await domain.NewRequest(hub);
        var grain = domain.RequestGrain(request.Id);
        async Task<RequestView> Ok(Task<Result<RequestView>> step)
        {
            var r = await step;
            Assert.True(r.IsOk, r.Message);
            return r.Value!;
        }

        async Task<RequestView> Assigned()
        {
            var volunteer = await domain.NewVolunteer(hub);
            return await Ok(grain.Assign(new AssignCommand(request.Version, Domain.Sam, volunteer.Id)));
        }

        switch (status)
        {
            case RequestStatus.New: return request;
            case RequestStatus.Triaged: return await Ok(grain.Triage(new TriageCommand(1, Domain.Sam)));
            case RequestStatus.Assigned: return await Assigned();
            case RequestStatus.InProgress:
                request = await Assigned();
                return await Ok(grain.Start(new RequestCommand(request.Version, Domain.Sam)));
            case RequestStatus.Fulfilled:
                request = await Assigned();
                request = await Ok(grain.Start(new RequestCommand(request.Version, Domain.Sam)));
                return await Ok(grain.Fulfil(new FulfilCommand(request.Version, Domain.Sam, 1)));
            case RequestStatus.Cancelled: return await Ok(grain.Cancel(new RequestCommand(1, Domain.Sam, "family found help")));
            case RequestStatus.Escalated: return await Ok(grain.Escalate(new EscalateCommand(1, Domain.Sam, "lifecycle", "no drivers")));
            case RequestStatus.Reopened:
                request = await Ok(grain.Cancel(new RequestCommand(1, Domain.Sam, "by mistake")));
                return await Ok(grain.Reopen(new RequestCommand(request.Version, Domain.Sam, "still needed")));
            default: throw new ArgumentOutOfRangeException(nameof(status));
        }
    }

    private async Task<Result<RequestView>> Run(string command, string hub, RequestView request)
    {
        var grain = domain.RequestGrain(request.Id);
        var v = request.Version;
        return command switch
        {
            "triage" => await grain.Triage(new TriageCommand(v, Domain.Ana)),
            "assign" => await grain.Assign(new AssignCommand(v, Domain.Ana, (await domain.NewVolunteer(hub, "Omar")).Id)),
            "unassign" => await grain.Unassign(new RequestCommand(v, Domain.Ana, "volunteer unwell")),
            "accept" => await grain.Accept(new RequestCommand(v, Domain.Ana)),
            "decline" => await grain.Decline(new RequestCommand(v, Domain.Ana, "too far")),
            "start" => await grain.Start(new RequestCommand(v, Domain.Ana)),
            "fulfil" => await grain.Fulfil(new FulfilCommand(v, Domain.Ana, 2)),
            "cancel" => await grain.Cancel(new RequestCommand(v, Domain.Ana, "no longer needed")),
            "escalate" => await grain.Escalate(new EscalateCommand(v, Domain.Ana, "lifecycle", "no one free")),
            "reopen" => await grain.Reopen(new RequestCommand(v, Domain.Ana, "need came back")),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
    }
}
