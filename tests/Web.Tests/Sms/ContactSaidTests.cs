namespace MutualAid.Web.Tests.Sms;

/// <summary>The one way a contact is said (SMS replies, notifications, /my/jobs, the dispatch dialog).</summary>
public sealed class ContactSaidTests
{
    [Fact]
    public void A_texted_contact_whose_name_is_its_phone_says_the_phone_once()
    {
        var texted = new ContactDetails("+15551230002", "+15551230002", null, null);

        Assert.Equal(["+15551230002"], texted.Said());
        Assert.Equal("+15551230002", texted.SaidOnOneLine());
    }

    [Fact]
    public void A_full_contact_says_name_phone_email_and_address_and_skips_what_is_empty()
    {
        var full = new ContactDetails("Maria Lopez", "07700 900123", "maria@example.org", "12 Elm Street");
        var noPhone = new ContactDetails("Maria Lopez", " ", null, "12 Elm Street");

        Assert.Equal("Maria Lopez · 07700 900123 · maria@example.org · 12 Elm Street", full.SaidOnOneLine(" · "));
        Assert.Equal("Maria Lopez, 12 Elm Street", noPhone.SaidOnOneLine());
    }

    /// <summary>Someone who asked on the form with only an email: the volunteer was told just "Marta", and could not reach her.</summary>
    [Fact]
    public void A_contact_with_only_an_email_says_the_email()
    {
        var emailOnly = new ContactDetails("Marta", null, "marta@example.org", null);

        Assert.Equal(["Marta", "marta@example.org"], emailOnly.Said());
    }
}
