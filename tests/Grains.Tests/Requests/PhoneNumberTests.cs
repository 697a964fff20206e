using MutualAid.Offers;

namespace MutualAid.Grains.Tests.Requests;

/// <summary>
/// A phone given for a request, an offer or a volunteer must be one someone can dial: "call me maybe"
/// left a person no one could reach, and one the people page could not find to export or erase.
/// </summary>
public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("07700 900123")]
    [InlineData("+44 (0)7700-900.123")]
    [InlineData("555 0100")]
    [InlineData(null)]
    [InlineData("")]
    public void A_number_people_can_dial_or_none_is_taken(string? phone)
    {
        Assert.DoesNotContain(Domain.Request("north", phone!).Validate(DateTimeOffset.UtcNow), e => e.Field == "Contact.Phone");
        var profile = Domain.Volunteer("north") with { Contact = new ContactDetails("Priya", phone, null, null) };
        Assert.DoesNotContain(profile.Validate(), e => e.Field == "Phone");
    }

    [Theory]
    [InlineData("٠٧٧٠٠ ٩٠٠١٢٣", "07700 900123")] // Arabic-Indic, as an Arabic keyboard types them
    [InlineData("+۴۴ ۷۷۰۰ ۹۰۰۱۲۳", "+44 7700 900123")] // Extended Arabic-Indic (Persian, Urdu)
    [InlineData("०७७०० ९००१२३", "07700 900123")] // Devanagari
    public void Digits_of_any_script_are_the_same_number_and_are_kept_in_ASCII(string typed, string kept)
    {
        var contact = new ContactDetails("Amal", typed, null, null);

        // Before, these were refused as "at least 6 digits", and a number that got in another way could not be dialled.
        Assert.Equal(kept, contact.Phone);
        Assert.DoesNotContain(Domain.Request("north", typed).Validate(DateTimeOffset.UtcNow), e => e.Field == "Contact.Phone");
        Assert.Equal(new ContactDetails("Amal", kept, null, null).MatchKey(), contact.MatchKey());
        Assert.Equal("+447700900123", MutualAid.Sms.Dialling.E164(contact.Phone, "GB"));
    }

    [Theory]
    [InlineData("call me maybe")]
    [InlineData("zzz")]
    [InlineData("12")]
    [InlineData("07700 900123 ext 4")]
    public void Anything_else_is_refused_where_it_was_typed(string phone)
    {
        Assert.Equal(Reason.NotAPhoneNumber, Assert.Single(Domain.Request("north", phone).Validate(DateTimeOffset.UtcNow), e => e.Field == "Contact.Phone").Reason);
        var profile = Domain.Volunteer("north") with { Contact = new ContactDetails("Priya", phone, null, null) };
        Assert.Equal(Reason.NotAPhoneNumber, Assert.Single(profile.Validate(), e => e.Field == "Phone").Reason);
        var offer = new NewOffer("north", OfferKind.Goods, RequestCategory.Food, "Rice", 20, "kg", new ContactDetails("Tom Baker", phone, null, "3 Mill Lane"), RequestSource.Member, Domain.Sam);
        Assert.Equal(Reason.NotAPhoneNumber, Assert.Single(offer.Validate(), e => e.Field == "Contact.Phone").Reason);
    }
}
