namespace MutualAid.Requests;

[GenerateSerializer, Alias("MutualAid.RequestSource")]
public enum RequestSource
{
    Member = 0,
    PhoneIntake = 1,
    PublicForm = 2,
    Import = 3,
}
