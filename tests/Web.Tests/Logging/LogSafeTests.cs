namespace MutualAid.Web.Tests.Logging;

public sealed class LogSafeTests
{
    [Fact]
    public void Control_and_invisible_characters_are_written_as_escapes_and_ordinary_text_is_left_alone()
    {
        Assert.Equal("hub-a", LogSafe.Bound("hub-a"));
        Assert.Equal("Zoë 😀", LogSafe.Bound("Zoë 😀"));
        Assert.Equal("a\\u0000b\\u0007c\\u001B[31m\\u000D\\u000Afake line\\u202E", LogSafe.Bound("a\0b\ac\u001b[31m\r\nfake line\u202e"));
        Assert.Equal("x\\uD800y", LogSafe.Bound("x\ud800y"));
        Assert.Equal("(null)", LogSafe.Bound(null));
    }

    [Fact]
    public void Long_text_is_cut_at_the_bound_with_a_marker_saying_how_much_was_left_out()
    {
        var bounded = LogSafe.Bound(new string('a', 5000));
        Assert.Equal(new string('a', 64) + "…(+4936 chars)", bounded);
        Assert.Equal("ab…(+1 chars)", LogSafe.Bound("abc", 2));
        // A pair is never cut in two: the stray half would be escaped as if it were garbage.
        Assert.Equal("a…(+2 chars)", LogSafe.Bound("a😀", 2));
    }

    [Fact]
    public void An_account_email_is_logged_as_a_stable_hash_and_ids_that_are_no_email_as_they_are()
    {
        var id = LogSafe.Account("cora@example.org");
        Assert.Matches("^acct:[0-9a-f]{12}$", id);
        Assert.Equal(id, LogSafe.Account(" Cora@Example.org ")); // the account's key, however it was typed
        Assert.NotEqual(id, LogSafe.Account("otto@example.org"));
        Assert.Equal("token:7b1c", LogSafe.Account("token:7b1c"));
        Assert.Equal("system", LogSafe.Account("system"));
        Assert.Equal("a\\u000Ab", LogSafe.Account("a\nb"));
    }
}
