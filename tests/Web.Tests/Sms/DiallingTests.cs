using MutualAid.Sms;

namespace MutualAid.Web.Tests.Sms;

/// <summary>How a number as typed is dialled (E.164), on its own: no host needed.</summary>
public sealed class DiallingTests
{
    [Theory]
    [InlineData("611 222 333", "ES", "+34611222333")]
    [InlineData("0034 611 222 333", "ES", "+34611222333")]
    [InlineData("07700 900123", "GB", "+447700900123")]
    [InlineData("(555) 000-4444", "US", "+15550004444")]
    [InlineData("912 34 567", "NO", "+4791234567")]
    // A "+" says its own country, whatever the hub's; the "(0)" people write after it is not dialled.
    [InlineData("+1 555 000 4444", null, "+15550004444")]
    [InlineData("+44 (0)7700 900123", "ES", "+447700900123")]
    [InlineData("+34-611.222.333", null, "+34611222333")]
    public void A_number_is_dialled_in_E164(string typed, string? country, string dialled) =>
        Assert.Equal(dialled, Dialling.E164(typed, country));

    [Theory]
    [InlineData("611 222 333", null)] // no "+", no country: never guessed
    [InlineData("611 222 333", "XX")]
    [InlineData("12", "ES")]
    [InlineData("call me", "ES")]
    [InlineData("", "ES")]
    public void A_number_that_cannot_be_read_is_not_dialled(string typed, string? country) =>
        Assert.Null(Dialling.E164(typed, country));

    [Fact]
    public void Countries_are_ISO_codes_in_capitals()
    {
        Assert.True(Dialling.IsCountry("ES"));
        Assert.True(Dialling.IsCountry("GB"));
        Assert.False(Dialling.IsCountry("es"));
        Assert.False(Dialling.IsCountry("UK"));
        Assert.False(Dialling.IsCountry(null));
    }

    [Fact]
    public void A_number_typed_at_home_and_its_E164_are_one_phone_on_the_STOP_list()
    {
        Assert.Equal(ISmsOptOutGrain.Key("+4791234567"), ISmsOptOutGrain.Key(Dialling.E164("912 34 567", "NO")));
        Assert.Equal(ISmsOptOutGrain.Key("+34611222333"), ISmsOptOutGrain.Key(Dialling.E164("611 222 333", "ES")));
    }

    [Theory]
    [InlineData("07700 900123", "ES", true)] // a UK mobile typed the UK way, in a Spanish hub
    [InlineData("12", "ES", false)] // some country has two-digit numbers; no phone we take is that short
    [InlineData("+44 7700 900123", "ES", false)] // says its own country
    public void A_foreign_number_typed_at_home_is_told_apart_from_no_number(string typed, string country, bool foreign) =>
        Assert.Equal(foreign, Dialling.IsOfAnotherCountry(typed, country));
}
