namespace MutualAid.Grains.Tests.Volunteers;

/// <summary>The rest rule counts what is promised, not only what is given: a storm night of back-to-back reservations cannot pass it.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class RestRuleTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task An_assignment_whose_promised_hours_pass_the_rest_rule_is_refused_with_the_figures_and_one_that_fits_is_accepted()
    {
        var hub = await domain.NewHub();
        var v = await domain.NewVolunteer(hub, "Ines", maxAssignments: 10, maxHours: 60); // only the rest rule (8 h) can bite
        var given = Guid.NewGuid();
        var volunteer = fixture.Grains.GetGrain<IVolunteerGrain>(v.Id);
        Assert.True((await volunteer.Reserve(given, hub, 2)).IsOk);
        await volunteer.Complete(given, 2); // 2 h given in the last 24 h

        async Task<Result<RequestView>> Assign(double hours, string? overriding = null)
        {
            var request = await domain.NewRequest(hub);
            return await domain.RequestGrain(request.Id).Assign(new AssignCommand(request.Version, Domain.Sam, v.Id, hours) { OverrideLimits = overriding });
        }

        Assert.True((await Assign(3.5)).IsOk); // 2 + 3.5 = 5.5
        var refused = await Assign(3);          // 2 given + 3.5 promised + 3 = 8.5 > 8
        Assert.Equal(ResultStatus.Refused, refused.Status);
        Assert.Equal(Reason.ShouldRest, Limits.Broken(refused));
        Assert.Equal("Ines has given 2 h in the last 24 h and should rest: with 3.5 h promised and 3 h for this they would pass their limit of 8 h a day. A coordinator can override this with a reason.", refused.Message);

        var fits = await Assign(2.5); // exactly 8
        Assert.True(fits.IsOk, fits.Message);
        Assert.Equal(ResultStatus.Refused, (await Assign(0.25)).Status);

        var overridden = await Assign(1, "the only Spanish speaker awake tonight");
        Assert.True(overridden.IsOk, overridden.Message); // a coordinator's override still passes it
        Assert.Equal(3, (await volunteer.GetView())!.Reservations.Count);
    }
}
