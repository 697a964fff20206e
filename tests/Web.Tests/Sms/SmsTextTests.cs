using MutualAid.Web.Sms;

namespace MutualAid.Web.Tests.Sms;

/// <summary>How a text's words are read, on their own: no host needed.</summary>
public sealed class SmsTextTests
{
    [Fact]
    public void Folding_keeps_an_emoji_and_one_character_for_one()
    {
        const string typed = "Pan 🍞 niños";

        var folded = SmsText.Fold(typed);

        Assert.Equal("PAN 🍞 NINOS", folded);
        Assert.Equal(typed.Length, folded.Length);
    }

    [Fact]
    public void A_HELP_with_an_emoji_still_finds_the_need_and_the_place()
    {
        var text = SmsText.Read("HELP food 🍞 in Docks");

        Assert.Equal(SmsIntent.Help, text.Intent);
        Assert.Equal(RequestCategory.Food, text.Category());
        Assert.Equal("Docks", text.Area());
    }

    [Theory]
    [InlineData("HELP food\nin Docks")]
    [InlineData("HELP food\r\nin Docks")]
    [InlineData("HELP food\tin Docks")]
    [InlineData("AYUDA comida\nen Docks")]
    public void A_line_break_before_the_place_word_still_names_the_place(string body) =>
        Assert.Equal("Docks", SmsText.Read(body).Area());

    [Fact]
    public void A_text_that_names_no_place_says_so_in_the_one_agreed_word() =>
        Assert.Equal(NewRequest.AreaNotGiven, SmsText.Read("HELP food").Area());
}
