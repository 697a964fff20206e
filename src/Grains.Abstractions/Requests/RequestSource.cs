namespace MutualAid.Requests;

[GenerateSerializer, Alias("MutualAid.RequestSource")]
public enum RequestSource
{
    Member = 0,
    PhoneIntake = 1,
    PublicForm = 2,
    Import = 3,
    /// <summary>A text message to the hub's number (HELP/AYUDA).</summary>
    Sms = 4,
}
