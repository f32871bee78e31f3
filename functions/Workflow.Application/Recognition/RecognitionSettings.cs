namespace Workflow.Application.Recognition;

/// <summary>Section "Recognition": how often the local host's starter looks for follow-ups to start (the Functions app has a timer function, schedule <c>RecognitionStartSchedule</c>).</summary>
public sealed class RecognitionSettings
{
    public const string Section = "Recognition";

    public TimeSpan StartInterval { get; set; } = TimeSpan.FromSeconds(10);
}
