package io.hydralogger.fallbacks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The architecture, checked on every build: the packages form no cycle, each layer is used only
 * by the layers above it, and no public signature of an exported package shows an internal type.
 *
 * <pre>
 *   io.hydralogger.fallbacks           the API: Fallbacks, FallbackHandler, results; the operations
 *                                      (package-private: WholeFileWrite, Append, Update, ...)
 *     write  sanitize  stats           the SPEC's tools: atomic writer, backups; sanitiser; statistics
 *       internal.fs                    file-system protocol: locks, appends, fallback files, names
 *         internal.codec               the formats' codecs (strict read and streaming write)
 *           recovery                   detection and salvage, and the read rules every reader shares
 *             internal.cuts            where large JSON files may be cut for work on several threads
 *           internal.sanitize          the sanitiser's machinery
 *             format                   the vocabulary every layer shares: Format, ReadLimits
 * </pre>
 */
class ArchitectureTest {
    private static final String ROOT = "io.hydralogger.fallbacks";
    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void thePackagesFormNoCycle() {
        slices().matching("io.hydralogger.(**)").should().beFreeOfCycles().check(LIBRARY);
    }

    @Test
    void eachLayerIsUsedOnlyFromAbove() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("API").definedBy(ROOT)
                .layer("Protocol").definedBy(ROOT + ".write")
                .layer("Recovery").definedBy(ROOT + ".recovery")
                .layer("Sanitising").definedBy(ROOT + ".sanitize")
                .layer("Statistics").definedBy(ROOT + ".stats")
                .layer("FileSystem").definedBy(ROOT + ".internal.fs")
                .layer("Codecs").definedBy(ROOT + ".internal.codec")
                .layer("SanitiserMachinery").definedBy(ROOT + ".internal.sanitize")
                .layer("Cuts").definedBy(ROOT + ".internal.cuts")
                .layer("Concurrency").definedBy(ROOT + ".internal.concurrent")
                .layer("Vocabulary").definedBy(ROOT + ".format")
                .whereLayer("API").mayNotBeAccessedByAnyLayer()
                .whereLayer("Protocol").mayOnlyBeAccessedByLayers("API")
                .whereLayer("Recovery").mayOnlyBeAccessedByLayers("API", "FileSystem", "Codecs")
                .whereLayer("Sanitising").mayOnlyBeAccessedByLayers("API")
                .whereLayer("Statistics").mayOnlyBeAccessedByLayers("API")
                .whereLayer("FileSystem").mayOnlyBeAccessedByLayers("API", "Protocol")
                .whereLayer("Codecs").mayOnlyBeAccessedByLayers("API", "FileSystem")
                .whereLayer("Cuts").mayOnlyBeAccessedByLayers("Recovery", "Codecs")
                .whereLayer("Concurrency").mayOnlyBeAccessedByLayers("Recovery", "Codecs")
                .whereLayer("SanitiserMachinery").mayOnlyBeAccessedByLayers("API", "FileSystem", "Codecs", "Sanitising")
                .check(LIBRARY);
    }

    @Test
    void everyPackageHasItsDocumentation() {
        List<String> missing = new ArrayList<>();
        for (String pkg : LIBRARY.stream().map(JavaClass::getPackageName).distinct().toList()) {
            if (LIBRARY.stream().noneMatch(c -> c.getName().equals(pkg + ".package-info"))) {
                missing.add(pkg);
            }
        }
        org.assertj.core.api.Assertions.assertThat(missing).as("packages without package-info.java").isEmpty();
    }

    @Test
    void noPublicSignatureOfTheApiShowsAnInternalType() {
        classes().that().resideOutsideOfPackage(ROOT + ".internal..").and().arePublic()
                .should(exposeNoInternalType()).check(LIBRARY);
    }

    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("expose no internal type in a public or protected member") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaCodeUnit member : type.getCodeUnits()) {
                    if (!visible(member.getModifiers())) {
                        continue;
                    }
                    List<JavaClass> used = new ArrayList<>(member.getRawParameterTypes());
                    used.add(member.getRawReturnType());
                    used.addAll(member.getExceptionTypes());
                    for (JavaClass seen : used) {
                        report(events, member.getFullName(), seen);
                    }
                }
                for (JavaField field : type.getFields()) {
                    if (visible(field.getModifiers())) {
                        report(events, field.getFullName(), field.getRawType());
                    }
                }
                if (type.getRawSuperclass().isPresent()) {
                    report(events, type.getName() + " extends", type.getRawSuperclass().get());
                }
                for (JavaClass implemented : type.getRawInterfaces()) {
                    report(events, type.getName() + " implements", implemented);
                }
            }
        };
    }

    private static boolean visible(java.util.Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void report(ConditionEvents events, String where, JavaClass seen) {
        if (seen.getPackageName().startsWith(ROOT + ".internal")) {
            events.add(SimpleConditionEvent.violated(where, where + " shows the internal type " + seen.getName()));
        }
    }
}
