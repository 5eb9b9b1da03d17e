// The Azure Bot: the bot's registration with Bot Framework, its messaging endpoint and the
// Microsoft Teams channel. Multi-tenant bots can no longer be created, so only the two current
// identity types are offered.
param name string
param tags object
param skuName string

@description('The messaging endpoint, https://<app>/api/messages.')
param endpoint string

@description('The Microsoft App ID: the managed identity\'s client id or the app registration\'s.')
param appId string

@allowed([
  'UserAssignedManagedIdentity'
  'SingleTenant'
])
param appType string

param tenantId string

@description('The resource id of the user-assigned managed identity (used when appType is UserAssignedManagedIdentity).')
param identityId string

var isManagedIdentity = appType == 'UserAssignedManagedIdentity'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: 'SofSBot'
    endpoint: endpoint
    msaAppId: appId
    msaAppType: isManagedIdentity ? 'UserAssignedMSI' : 'SingleTenant'
    msaAppTenantId: tenantId
    msaAppMSIResourceId: isManagedIdentity ? identityId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

output name string = bot.name
