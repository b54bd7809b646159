namespace Complaints.AspNetCore.Internal;

/// <summary>Marks the endpoints <c>MapComplaints</c> maps (the exception handler answers their errors whatever the request accepts).</summary>
internal sealed class ComplaintsEndpointMetadata
{
    public static ComplaintsEndpointMetadata Instance { get; } = new();
}
