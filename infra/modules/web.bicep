// The bot's web app: Linux App Service for .NET 10 with always-on (the scheduler runs in the app)
// and a health check on /health. The app settings below are the app's configuration keys, with
// '__' for ':' as App Service requires on Linux; tests/SofSBot.Deployment.Tests checks them against
// the options the app binds.
param name string
param planName string
param skuName string
param location string
param tags object

@description('The resource id of the app\'s user-assigned managed identity.')
param identityId string

@description('The client id of that identity: storage (and a managed-identity bot) tokens are asked for with it.')
param identityClientId string

param tenantId string
param botAppId string

@allowed([
  'UserAssignedManagedIdentity'
  'SingleTenant'
])
param botAppType string

@description('SingleTenant only: the Key Vault URI of the client secret; empty otherwise.')
param botClientSecretUri string = ''

@description('The Key Vault URI of the export\'s pseudonym key.')
param pseudonymSecretUri string

param tableServiceUri string

@description('The same account\'s blob endpoint: finished exports wait there for the coordinator\'s consent.')
param blobServiceUri string

param appInsightsConnectionString string
param logAnalyticsWorkspaceId string

@description('Entra object ids of the coordinators, separated by commas.')
param coordinatorObjectIds string = ''

var coordinators = filter(map(split(coordinatorObjectIds, ','), id => trim(id)), id => !empty(id))

var appSettings = [
  {
    name: 'Bot__AppId'
    value: botAppId
  }
  {
    name: 'Bot__AppType'
    value: botAppType
  }
  {
    name: 'Bot__TenantId'
    value: tenantId
  }
  {
    name: 'Bot__ManagedIdentityClientId'
    value: identityClientId
  }
  {
    name: 'Storage__TableServiceUri'
    value: tableServiceUri
  }
  {
    name: 'Storage__BlobServiceUri'
    value: blobServiceUri
  }
  {
    name: 'Storage__ManagedIdentityClientId'
    value: identityClientId
  }
  {
    name: 'Export__PseudonymSecret'
    value: '@Microsoft.KeyVault(SecretUri=${pseudonymSecretUri})'
  }
  {
    // Switches on the app's own OpenTelemetry export (Azure Monitor distro). App Service's agent
    // stays off: it would report the same requests a second time.
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsightsConnectionString
  }
]

var secretSettings = empty(botClientSecretUri) ? [] : [
  {
    name: 'Bot__ClientSecret'
    value: '@Microsoft.KeyVault(SecretUri=${botClientSecretUri})'
  }
]

var coordinatorSettings = [for (objectId, index) in coordinators: {
  name: 'Roles__Coordinators__${index}'
  value: objectId
}]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  // azd finds the host of the 'web' service in azure.yaml by this tag.
  tags: union(tags, {
    'azd-service-name': 'web'
  })
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/health'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(appSettings, secretSettings, coordinatorSettings)
    }
  }
}

// Deployments go through Entra ID (azd): no publishing user name and password, for FTP or for SCM.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'app-logs'
  scope: site
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
