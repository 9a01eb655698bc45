<?php
/**
 * Plugin Name: Polylang's content duplication, as Diff has it (Interlinear's test site)
 * Description: "Start translation" on Diff leads to post-new.php?post_type=post&from_post=ID&new_lang=xx,
 * and the block editor opens the new translation holding the source post's title and blocks: what
 * Polylang's duplication gives a new translation. Only that part is here: the new post starts with
 * the source's title and content, through WordPress's default_title and default_content filters.
 * Polylang also checks its nonce, sets the language and links the translations; nothing Interlinear
 * relies on, so left out.
 */

function interlinear_test_translation_source() {
	global $pagenow;
	if ( 'post-new.php' !== $pagenow || empty( $_GET['from_post'] ) || empty( $_GET['new_lang'] ) ) {
		return null;
	}
	$source = get_post( (int) $_GET['from_post'] );
	return $source && current_user_can( 'read_post', $source->ID ) ? $source : null;
}

add_filter(
	'default_title',
	function ( $title ) {
		$source = interlinear_test_translation_source();
		return $source ? $source->post_title : $title;
	}
);

add_filter(
	'default_content',
	function ( $content ) {
		$source = interlinear_test_translation_source();
		return $source ? $source->post_content : $content;
	}
);
