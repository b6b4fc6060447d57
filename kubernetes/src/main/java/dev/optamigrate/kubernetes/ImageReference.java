package dev.optamigrate.kubernetes;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.util.regex.Pattern;

/**
 * Container image references, read by the grammar of the OCI distribution spec (as Docker's reference package
 * implements it): {@code [registry[:port]/]path[:tag][@algorithm:hex]}.
 */
public final class ImageReference {
    private static final String DOMAIN_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_PART + "(?:\\." + DOMAIN_PART + ")*(?::[0-9]+)?";
    private static final String PATH_PART = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
    private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_PART + "(?:/" + PATH_PART + ")*";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE = Pattern.compile(NAME + "(?::" + TAG + ")?(?:@" + DIGEST + ")?");
    private static final int NAME_LIMIT = 255;

    private ImageReference() {
    }

    /**
     * True when the reference has a digest ({@code @sha256:...}) or a tag after the last path segment; a port in
     * the registry's host ({@code registry:5000/app}) is not a tag.
     */
    public static boolean pinned(String image) {
        if (image == null || image.isBlank()) {
            return false;
        }
        if (image.contains("@")) {
            return true;
        }
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        return lastSegment.contains(":") && !lastSegment.endsWith(":");
    }

    /**
     * Checks that an image given by the user is a reference by the grammar, with a tag or a digest.
     *
     * @param what names the value and where it came from, e.g. {@code "The image (from --image)"}
     * @return the image, unchanged
     */
    public static String requireValid(String image, String what) {
        String name = image == null ? "" : image.split("[:@]", 2)[0];
        if (image == null || name.length() > NAME_LIMIT || !REFERENCE.matcher(image).matches()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, what + " is not a valid image reference.",
                    "Write it as [REGISTRY[:PORT]/]REPOSITORY:TAG or REPOSITORY@sha256:DIGEST, in lower case, e.g. "
                            + "ghcr.io/acme/shop-api:1.4.2.", null);
        }
        if (!pinned(image)) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, what + " names no tag or digest, so the Job might "
                    + "run a different build than intended.", "Give the exact image, e.g. " + image + ":1.4.2 or "
                            + image + "@sha256:...", null);
        }
        return image;
    }
}
