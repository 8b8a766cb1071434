package kforge.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import kforge.runner.git.ConfigPlace;
import kforge.runner.git.ConfigRevision;
import kforge.runner.git.KernelTree;
import kforge.runner.git.KernelTrees;

/** A board's defconfig saved twice with the git layer, listed and compared by the panel. */
class TreePatchesConfigHistoryTest extends TreePatchesTestBase {
    private void save(ConfigPlace place, String defconfig, String message) {
        try (KernelTree git = KernelTrees.open(tree)) {
            git.commitConfig().setPlace(place).setText(defconfig).setMessage(message).call();
        }
    }

    @Test
    void twoSavedVersionsAreListedNewestFirstAndTheirDifferenceIsShown() {
        ConfigPlace place = ConfigPlace.inTree("arm", TreePatchesFixture.BOARD.name());
        save(place, "CONFIG_MODULES=y\nCONFIG_EXT4_FS=m\n", "first save");
        save(place, "CONFIG_MODULES=y\nCONFIG_EXT4_FS=y\n", "ext4 built in");

        await(() -> model.refresh());

        ConfigHistoryViewModel configs = model.configs();
        assertEquals("testboard", configs.boardProperty().get().name());
        assertEquals("arch/arm/configs/testboard_defconfig", configs.placeTextProperty().get());
        assertEquals(List.of("ext4 built in", "first save"),
                configs.history().stream().map(ConfigRevision::subject).toList());
        assertEquals("", configs.errorProperty().get());

        List<ConfigRevision> picked = List.copyOf(configs.history());
        await(() -> configs.compareSelected(picked));

        assertEquals(List.of(new DiffConfig.Row("EXT4_FS", "m", "y")), configs.rows());
        assertEquals(picked.get(1).shortId(), configs.leftNameProperty().get(), "the older one on the left");
        assertEquals(picked.get(0).shortId(), configs.rightNameProperty().get());

        await(() -> configs.compareSelected(List.of(picked.get(0))));

        assertEquals(List.of(), configs.rows(), "one revision alone compares with nothing");
    }

    @Test
    void aConfigsBranchKeepsItsOwnHistory() {
        ConfigPlace place = ConfigPlace.onBranch(ConfigPlace.DEFAULT_BRANCH, TreePatchesFixture.BOARD.name());
        save(place, "CONFIG_A=y\n", "a");
        save(place, "CONFIG_A=y\nCONFIG_B=y\n", "b");

        await(() -> model.refresh());
        ConfigHistoryViewModel configs = model.configs();
        assertTrue(configs.errorProperty().get().startsWith("No commit has arch/arm/configs/testboard_defconfig"),
                configs.errorProperty().get());

        await(() -> {
            configs.onConfigsBranchProperty().set(true);
            return model.idle();
        });

        assertEquals("testboard/defconfig on branch kforge-configs", configs.placeTextProperty().get());
        assertEquals(List.of("b", "a"), configs.history().stream().map(ConfigRevision::subject).toList());
        List<ConfigRevision> picked = List.copyOf(configs.history());
        await(() -> configs.compare(picked.get(0), picked.get(1)));
        assertEquals(List.of(new DiffConfig.Row("B", null, "y")), configs.rows());
    }
}
