package org.relayrcm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the engine at the edges, so a move to a maintained Camunda 7 fork stays mechanical. */
@AnalyzeClasses(packages = "org.relayrcm", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule camundaOnlyInWorkflowTasksMetricsAndSecurity = noClasses()
            .that().resideOutsideOfPackages("..workflow..", "org.relayrcm.tasks..", "org.relayrcm.metrics..",
                    "org.relayrcm.security..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("only workflow/ packages, tasks, metrics and security may touch the engine (see STYLE.md)");

    @ArchTest
    static final ArchRule ediIsPlainJava = noClasses()
            .that().resideInAPackage("org.relayrcm.edi..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..", "jakarta.servlet..")
            .because("X12 reading and writing is a library our features call, not a feature of its own");

    @ArchTest
    static final ArchRule controllersAreUsedByNoOne = noClasses()
            .that().resideOutsideOfPackages("..web..")
            .should().dependOnClassesThat().resideInAPackage("org.relayrcm..web..");

    @ArchTest
    static final ArchRule workflowGlueIsNotCalledByDomainCode = classes()
            .that().resideInAPackage("..workflow..")
            .should().onlyHaveDependentClassesThat().resideInAnyPackage("..workflow..");
}
