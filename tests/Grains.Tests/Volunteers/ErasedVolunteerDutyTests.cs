namespace MutualAid.Grains.Tests.Volunteers;

/// <summary>
/// What is left of an erased volunteer only keeps their hubs' counts: nobody may put it back on
/// duty or give it a job, which would send a requester's contact details to no one in particular.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ErasedVolunteerDutyTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task An_erased_volunteer_cannot_be_put_back_on_duty_or_given_a_job()
    {
        var hub = await domain.NewHub();
        var volunteer = await domain.NewVolunteer(hub, "Gil");
        var grain = fixture.Grains.GetGrain<IVolunteerGrain>(volunteer.Id);
        Assert.True((await grain.ErasePersonalData(Domain.Sam)).IsOk);

        var onDuty = await grain.SetOnDuty(true, Domain.Sam);
        var reserved = await grain.Reserve(Guid.NewGuid(), hub, 1);
        var overriding = await grain.ReserveOverridingLimits(Guid.NewGuid(), hub, 1, "nobody else");

        Assert.Equal((ResultStatus.NotFound, Reason.NoSuchVolunteer), (onDuty.Status, onDuty.Reason));
        Assert.Equal((ResultStatus.NotFound, Reason.NoSuchVolunteer), (reserved.Status, reserved.Reason));
        Assert.Equal((ResultStatus.NotFound, Reason.NoSuchVolunteer), (overriding.Status, overriding.Reason));
        Assert.False((await grain.GetView())!.OnDuty);
        // Going off duty, which changes nothing, is still answered.
        Assert.True((await grain.SetOnDuty(false, Domain.Sam)).IsOk);
    }
}
