package dev.optamigrate.kubernetes;

/** Container image references: whether one names an exact build. */
public final class ImageReference {
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
}
