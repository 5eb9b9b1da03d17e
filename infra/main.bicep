// SofSBot in one resource group: App Service (Linux, .NET 10), Table and Blob Storage reached
// with a managed identity, an Azure Bot with the Teams channel, Application Insights. Deployed by
// `azd up`; the outputs below land in the azd environment (.azure/<env>/.env), where
// scripts/package-teams-app.mjs reads BOT_ID and TEAMS_APP_ID.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('The azd environment name: names the resource group and seeds the resource names.')
param environmentName string

@minLength(1)
@description('The Azure region of the resources, e.g. swedencentral.')
param location string

@description('How the bot proves who it is. UserAssignedManagedIdentity: no secret to keep (default). SingleTenant: an app registration of your own, with its secret in Key Vault.')
@allowed([
  'UserAssignedManagedIdentity'
  'SingleTenant'
])
param botAppType string = 'UserAssignedManagedIdentity'

@description('SingleTenant only: the application (client) id of your app registration.')
param botAppId string = ''

@secure()
@description('SingleTenant only: a client secret of that app registration. Stored in Key Vault, never in app settings.')
param botClientSecret string = ''

@secure()
@minLength(32)
@description('The key of the respondent pseudonyms in exports. azd generates it on the first provision, keeps it in the environment (.azure/<env>/config.json) and sends the same value every time; it lands in Key Vault.')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 64
      noSpecial: true
    }
  }
})
param exportPseudonymSecret string

@description('Entra object ids of the coordinators (samordnare), separated by commas.')
param coordinatorObjectIds string = ''

@description('The App Service plan size.')
param appServiceSkuName string = 'B1'

@description('The Azure Bot pricing tier. Teams is a standard channel: free on both.')
@allowed([
  'F0'
  'S1'
])
param botSkuName string = 'S1'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var isSingleTenant = botAppType == 'SingleTenant'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-sofsbot-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    workspaceName: 'log-sofsbot-${resourceToken}'
    appInsightsName: 'appi-sofsbot-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'stsofsbot${resourceToken}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module vault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    name: 'kvsofsbot${resourceToken}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    pseudonymSecret: exportPseudonymSecret
    storeBotClientSecret: isSingleTenant
    botClientSecret: botClientSecret
  }
}

// Every branch sets the app id: without one the app would stop at start (it never runs unauthenticated in Azure).
var botId = isSingleTenant
  ? (!empty(botAppId) ? botAppId : fail('botAppType SingleTenant needs botAppId: azd env set SOFSBOT_BOT_APP_ID <application id>.'))
  : identity.outputs.clientId

module web 'modules/web.bicep' = {
  name: 'web'
  scope: rg
  params: {
    name: 'app-sofsbot-${resourceToken}'
    planName: 'plan-sofsbot-${resourceToken}'
    skuName: appServiceSkuName
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tenantId: tenant().tenantId
    botAppId: botId
    botAppType: botAppType
    botClientSecretUri: vault.outputs.botClientSecretUri
    pseudonymSecretUri: vault.outputs.pseudonymSecretUri
    tableServiceUri: storage.outputs.tableServiceUri
    blobServiceUri: storage.outputs.blobServiceUri
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    coordinatorObjectIds: coordinatorObjectIds
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  scope: rg
  params: {
    name: 'bot-sofsbot-${resourceToken}'
    tags: tags
    skuName: botSkuName
    endpoint: 'https://${web.outputs.defaultHostName}/api/messages'
    appId: botId
    appType: botAppType
    tenantId: tenant().tenantId
    identityId: identity.outputs.id
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name

@description('The bot\'s Microsoft App ID: the managed identity\'s client id, or your app registration\'s.')
output BOT_ID string = botId

@description('The Teams app id of the package: stable for this subscription and environment.')
output TEAMS_APP_ID string = guid(subscription().id, environmentName, 'sofsbot-teams-app')

output BOT_ENDPOINT string = 'https://${web.outputs.defaultHostName}/api/messages'
output BOT_DOMAIN string = web.outputs.defaultHostName
output SERVICE_WEB_NAME string = web.outputs.name
output STORAGE_TABLE_SERVICE_URI string = storage.outputs.tableServiceUri
output STORAGE_BLOB_SERVICE_URI string = storage.outputs.blobServiceUri
