package io.jenkins.plugins.ecsdeploy.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.Extension;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Without the Folders plugin, Jenkins must be able to skip the folder extension and keep the others: the folder
 * factory fails when Jenkins creates it (not later, when it lists actions), and nothing else links against folders.
 */
class OptionalFolderPluginTest {
    @Test
    void shouldFailToCreateTheFolderFactoryWithoutTheFolderPlugin() throws Exception {
        var withoutFolders = new WithoutFolders();

        Class<?> folderFactory = withoutFolders.loadClass(FolderDeploymentsActionFactory.class.getName());
        Class<?> jobFactory = withoutFolders.loadClass(JobDeploymentsActionFactory.class.getName());

        assertThatThrownBy(() -> folderFactory.getConstructor().newInstance())
                .isInstanceOf(NoClassDefFoundError.class)
                .hasMessageContaining("com/cloudbees/hudson/plugins/folder/AbstractFolder");
        assertThat(jobFactory.getConstructor().newInstance()).isNotNull();
        assertThat(FolderDeploymentsActionFactory.class
                        .getAnnotation(Extension.class)
                        .optional())
                .isTrue();
    }

    /** Loads this package's classes itself and has no folder plugin; everything else comes from the test's loader. */
    private static final class WithoutFolders extends ClassLoader {
        WithoutFolders() {
            super(OptionalFolderPluginTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("com.cloudbees.hudson.plugins.folder.")) {
                throw new ClassNotFoundException(name + " (no Folders plugin)");
            }
            if (!name.startsWith(DeploymentsAction.class.getPackageName() + ".")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : define(name);
            }
        }

        private Class<?> define(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
