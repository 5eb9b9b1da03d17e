// The app's user-assigned managed identity: it reads and writes the tables, and in the default
// setup it is also the bot's identity (Azure Bot msaAppType UserAssignedMSI), so no secret exists.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
