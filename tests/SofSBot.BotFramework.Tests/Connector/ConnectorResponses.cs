namespace SofSBot.BotFramework.Tests.Connector;

/// <summary>
/// Bodies in the shape the Bot Connector returns them for Teams (ids anonymised), as documented in
/// Microsoft Learn's "Send proactive messages", "Get team roster" and "Teams context" pages.
/// </summary>
internal static class ConnectorResponses
{
    public const string ChannelId = "19:c1a2b3c4d5e6f708192a3b4c5d6e7f80@thread.tacv2";
    public const string ThreadId = ChannelId + ";messageid=1740912345678";
    public const string PersonalConversationId = "a:1Xc-Jq7tKm3vYpL9zE0rWn2bH5uG8sD4fA6iO1kT3yV0cR7eN9mB2xQ5wZ8jU4hP6lS1gF3dE7aC0vI9oK2tY5rMw";
    public const string UserId = "29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrrA8vM";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string TeamId = "19:7d2b6c1f0e9a4b3c8d5e6f7a8b9c0d1e@thread.tacv2";

    public const string Resource = """{"id":"1740912399001"}""";

    public const string ChannelThreadCreated = $$"""{"id":"{{ThreadId}}","activityId":"1740912345678"}""";

    public const string PersonalConversationCreated = $$"""{"id":"{{PersonalConversationId}}"}""";

    public const string PagedMembers = $$"""
        {
          "continuationToken": "a:3HdAs9hT5BvN6mK2pQ8wX1zR4yL7cE0fU3jG6iO9sD2aZ5xC8vB1nM4kJ7hG0fD3sA6",
          "members": [
            {
              "id": "{{UserId}}",
              "name": "Anna Andersson",
              "aadObjectId": "6b9bd2c8-0c58-4a0e-9d4b-1c6f9e2b7a31",
              "givenName": "Anna",
              "surname": "Andersson",
              "email": "anna.andersson@contoso.example",
              "userPrincipalName": "anna.andersson@contoso.example",
              "tenantId": "{{TenantId}}",
              "userRole": "user"
            },
            {
              "id": "29:1bSnHZ7Js2STWrgk6ScEErLk1Lp2zQuD5H2qQ960rtvstKp8tKLl-3r8b6DoW0QxZimuTxk_kupZ1DBMpvIQQUAZL",
              "name": "Guest Gustafsson",
              "aadObjectId": "0c3bd1a2-7e6f-4d5c-8b9a-2f1e0d3c4b5a",
              "email": "guest@fabrikam.example",
              "userPrincipalName": "guest_fabrikam.example#EXT#@contoso.onmicrosoft.com",
              "tenantId": "{{TenantId}}",
              "userRole": "guest"
            }
          ]
        }
        """;

    public const string LastPagedMembers = $$"""{"members":[{"id":"{{UserId}}","name":"Anna Andersson","userRole":"user"}]}""";

    public const string Team = $$"""
        {"id":"{{TeamId}}","name":"Ledningsgruppen","aadGroupId":"02ce3874-dd86-41ba-bddc-013f34019978","channelCount":3,"memberCount":12,"type":"standard"}
        """;

    // The General channel comes back without a name.
    public const string Channels = $$"""
        {"conversations":[{"id":"{{TeamId}}"},{"id":"19:a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5@thread.tacv2","name":"Veckomöte"}]}
        """;

    public const string Error = """{"error":{"code":"BadSyntax","message":"Activity resulted into multiple skype activities; conversation id 19:secret"}}""";
}
