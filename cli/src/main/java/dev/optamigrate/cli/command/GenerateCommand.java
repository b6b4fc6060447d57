package dev.optamigrate.cli.command;

import picocli.CommandLine.Command;

/** Writes manifests that run the migration Job with other tools. */
@Command(name = "generate", description = {
    "Write a manifest that runs the migration as a one-time Job with your deployment tool: Opta, plain "
            + "Kubernetes, a Helm hook or an Argo CD hook; or the RBAC Role the CLI needs. Credentials are only "
            + "referenced from the service's Secret (secretKeyRef), never copied.",
    "",
    "Examples:",
    "%n  opta-migrate generate opta --service my-service > migration.yaml",
    "%n  opta-migrate generate job --service my-service --image repo/app:v42 | kubectl create -f -",
    "%n  opta-migrate generate helm-hook --service my-service > templates/migration-job.yaml",
    "%n  opta-migrate generate rbac --service my-service | kubectl apply -f -",
    ""},
        subcommands = {GenerateOptaCommand.class, GenerateJobCommand.class, GenerateHelmHookCommand.class,
            GenerateArgoCdHookCommand.class, GenerateRbacCommand.class})
public final class GenerateCommand {
}
