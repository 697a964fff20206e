namespace MutualAid.Requests;

/// <summary>What a contact-log entry records.</summary>
[GenerateSerializer, Alias("MutualAid.NoteKind")]
public enum NoteKind
{
    Called = 0,
    NoAnswer = 1,
    LeftVoicemail = 2,
    Texted = 3,
    Visited = 4,
    Note = 5,
}
