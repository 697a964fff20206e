using MutualAid.Notifications;

namespace MutualAid.Grains.Tests.Volunteers;

/// <summary>A way to be told the volunteer chose is refused without its address: nothing could go by it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class NotifyByAddressTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task Email_without_an_email_address_and_sms_without_a_phone_are_refused_on_the_missing_field()
    {
        var hub = await domain.NewHub();
        var grain = fixture.Grains.GetGrain<IVolunteerGrain>(Guid.NewGuid());
        var phoneOnly = new ContactDetails("Ada", "+34 611 222 333", null, null);

        var byEmail = await grain.Register(Domain.Volunteer(hub, "Ada") with { Contact = phoneOnly, NotifyBy = [Channel.Email] }, Domain.Sam);
        var bySms = await grain.Register(Domain.Volunteer(hub, "Ada") with { NotifyBy = [Channel.Sms] }, Domain.Sam);

        Assert.Equal(ResultStatus.Invalid, byEmail.Status);
        Assert.Equal(("Email", Reason.EmailToBeEmailed), (Assert.Single(byEmail.Errors).Field, byEmail.Errors[0].Reason));
        Assert.Equal(("Phone", Reason.PhoneToBeTexted), (Assert.Single(bySms.Errors).Field, bySms.Errors[0].Reason));
        Assert.Null(await grain.GetView()); // nothing was kept
    }

    [Fact]
    public async Task A_channel_with_its_address_is_kept()
    {
        var hub = await domain.NewHub();
        var grain = fixture.Grains.GetGrain<IVolunteerGrain>(Guid.NewGuid());
        var contact = new ContactDetails("Ada", "+34 611 222 333", "ada@example.org", null);

        var saved = await grain.Register(Domain.Volunteer(hub, "Ada") with { Contact = contact, NotifyBy = [Channel.Email, Channel.Sms] }, Domain.Sam);

        Assert.True(saved.IsOk, saved.Message);
        Assert.Equal([Channel.Email, Channel.Sms], saved.Value!.Profile.NotifyBy);
    }
}
